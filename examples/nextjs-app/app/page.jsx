import EmotionPanel from './emotion-panel.jsx';

// A server component: rendered to HTML in Node, where emovox is never evaluated.
export default function Page() {
  return (
    <main>
      <h1>How do you sound?</h1>
      <EmotionPanel />
    </main>
  );
}
