// @fake-mic two-phrases noloop
// Chromium's fake microphone plays test/.generated/two-phrases.wav once: 1 s silence, a long phrase,
// 1.5 s silence, a short phrase, 2 s silence. The recognizer must report both utterances in order.
import { expect } from '@open-wc/testing';
import { EmotionRecognizer } from '../../src/sdk/index.ts';
import { generatedAudioUrl, probabilitySum, recordEvents, tinyModelUrl, until } from './helpers.ts';

describe('EmotionRecognizer live from the fake microphone', () => {
  it('emits ready, speech-start, emotion-update, emotion, speech-end for each phrase, and analyze() agrees', async () => {
    const recognizer = await EmotionRecognizer.create({ model: tinyModelUrl });
    const { events } = recordEvents(recognizer);
    try {
      await recognizer.start();
      await until(recognizer, () => events.filter((e) => e.name === 'speech-end').length >= 2 || events.some((e) => e.name === 'error'));
      await recognizer.stop();
      const names = events.map((e) => e.name).filter((n) => n !== 'state');
      expect(names[0]).to.equal('ready');
      expect(events.filter((e) => e.name === 'error')).to.deep.equal([]);
      const finals = events.flatMap((e) => (e.name === 'emotion' ? [e.payload] : []));
      expect(finals).to.have.length(2);
      // Every utterance, in order: speech-start, at least one update (both phrases outlast the 500 ms
      // interval), emotion, speech-end; nothing of an utterance after its speech-end.
      const utterances: string[][] = [];
      // A misfire (speech shorter than minSpeechMs) is a speech-start answered by misfire; leave those out.
      let rest = names.slice(1).filter((n, i, all) => !(n === 'misfire' || (n === 'speech-start' && all[i + 1] === 'misfire')));
      while (rest.includes('speech-end')) {
        const end = rest.indexOf('speech-end');
        utterances.push(rest.slice(0, end + 1));
        rest = rest.slice(end + 1);
      }
      expect(utterances).to.have.length(2);
      for (const utterance of utterances) {
        expect(utterance[0]).to.equal('speech-start');
        expect(utterance.slice(1, -2).every((n) => n === 'emotion-update'), utterance.join(' ')).to.equal(true);
        expect(utterance.length).to.be.greaterThan(3);
        expect(utterance.at(-2)).to.equal('emotion');
      }
      expect(rest, 'events after the last speech-end').to.deep.equal([]);
      // Interim results come every interimIntervalMs (500 ms by default) of audio, within one VAD frame.
      const updates = events.flatMap((e) => (e.name === 'emotion-update' ? [e.payload] : [])).filter((u) => u.startMs === events.find((e) => e.name === 'speech-start')!.payload.startMs);
      for (let i = 1; i < updates.length; i++) expect(updates[i].endMs - updates[i - 1].endMs).to.be.closeTo(500, 32);
      for (const update of updates) {
        expect(update.final).to.equal(false);
        expect(Math.abs(probabilitySum(update.probabilities) - 1)).to.be.lessThan(1e-5);
      }
      for (const result of finals) {
        expect(Object.keys(result.probabilities)).to.deep.equal(['neutral', 'happy', 'angry']);
        expect(Math.abs(probabilitySum(result.probabilities) - 1)).to.be.lessThan(1e-5);
        expect(result.final).to.equal(true);
        expect(result.endMs).to.be.greaterThan(result.startMs);
      }
      // The long phrase lasts about 6 s, the short one about 2.5 s; both start after the leading silence.
      expect(finals[0].endMs - finals[0].startMs).to.be.within(4000, 8000);
      expect(finals[1].endMs - finals[1].startMs).to.be.within(1500, 4000);
      expect(finals[1].startMs - finals[0].endMs).to.be.within(800, 2500);

      const offline = await recognizer.analyze(generatedAudioUrl('two-phrases'));
      expect(offline.utterances).to.have.length(2);
      // The fake device starts playing before the capture graph runs, so live times lag by a constant.
      const lag = offline.utterances[0].startMs - finals[0].startMs;
      expect(offline.utterances[1].startMs - finals[1].startMs).to.be.closeTo(lag, 100);
      offline.utterances.forEach((u, i) => {
        expect(u.endMs - u.startMs).to.be.closeTo(finals[i].endMs - finals[i].startMs, 300);
        expect(u.label).to.equal(finals[i].label);
      });
      console.log(JSON.stringify({ live: finals.map((f) => [f.startMs, f.endMs, f.label]), offline: offline.utterances.map((f) => [f.startMs, f.endMs, f.label]) }));
    } finally {
      await recognizer.destroy();
    }
  });
});
