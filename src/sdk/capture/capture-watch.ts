/**
 * Keeps a live capture honest about the two things that can stop it from outside emovox:
 *
 * - A track stopped by other code (`track.stop()`) ends without an `ended` event (that event is only
 *   for ends the page did not ask for, such as an unplugged device or a revoked permission). Listeners
 *   would never learn that the audio stopped, so a stopped track is found by its `readyState` and
 *   announced with the same `ended` event.
 * - The AudioContext suspended or interrupted without emovox asking (an OS audio interruption, a
 *   browser suspending a background page, page code calling `suspend()`): it is resumed, now and again
 *   whenever the page becomes visible, so listening goes on where it stopped.
 */
export interface CaptureWatchOptions {
  readonly context: AudioContext;
  readonly stream: MediaStream;
  /** Whether emovox itself wants the context running (false while paused or closing). */
  readonly wantsRunning: () => boolean;
}

/** How often track states are read, ms: the longest a stopped track goes unnoticed. */
export const trackPollMs = 500;

/** Starts watching; the returned function stops it. */
export function watchCapture({ context, stream, wantsRunning }: CaptureWatchOptions): () => void {
  const announced = new WeakSet<MediaStreamTrack>();
  const onEnded = (event: Event) => announced.add(event.target as MediaStreamTrack);
  const tracks = stream.getAudioTracks();
  for (const track of tracks) track.addEventListener('ended', onEnded);
  const poll = setInterval(() => {
    for (const track of tracks) {
      if (track.readyState !== 'ended' || announced.has(track)) continue;
      announced.add(track);
      track.dispatchEvent(new Event('ended'));
    }
  }, trackPollMs);

  const recover = () => {
    const state = context.state as AudioContextState | 'interrupted';
    if (state === 'running' || state === 'closed' || !wantsRunning()) return;
    // A rejected or pending resume is retried at the next state change or when the page is shown.
    context.resume().catch(() => undefined);
  };
  const onVisibility = () => {
    if (typeof document !== 'undefined' && document.visibilityState === 'visible') recover();
  };
  context.addEventListener('statechange', recover);
  const page = typeof document === 'undefined' ? undefined : document;
  page?.addEventListener('visibilitychange', onVisibility);

  return () => {
    clearInterval(poll);
    for (const track of tracks) track.removeEventListener('ended', onEnded);
    context.removeEventListener('statechange', recover);
    page?.removeEventListener('visibilitychange', onVisibility);
  };
}
