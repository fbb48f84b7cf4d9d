// Entry of one analysis thread: loads the model once, then analyses one recording per request.
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { NodeAnalyzer } from '../../sdk/node/index.ts';
import { analyzeRecording } from './analyze-recording.ts';
import { toFailure, type ThreadData, type ThreadReply, type ThreadRequest } from './thread-protocol.ts';

const port = parentPort!;
const { settings } = workerData as ThreadData;
const post = (reply: ThreadReply): void => port.postMessage(reply);

try {
  const analyzer = await NodeAnalyzer.create({ ...(settings.model ? { model: new URL(settings.model) } : {}), vad: settings.vad });
  port.on('message', (request: ThreadRequest) => {
    if (request.kind === 'stop') {
      void analyzer.release().finally(() => port.close());
      return;
    }
    analyzeRecording(analyzer, request.input, { ...settings, ...request.layout }).then(
      (record) => post({ kind: 'done', record }),
      (error: unknown) => post({ kind: 'failed', error: toFailure(error) }),
    );
  });
  post({ kind: 'ready' });
} catch (error) {
  // Manifest validation messages name the field, not the file: add the file once, for the one-line report.
  const failure = toFailure(error);
  const where = settings.model ? fileURLToPath(settings.model) : 'the shipped model';
  post({ kind: 'fatal', error: failure.message.includes(where) ? failure : { ...failure, message: `${where}: ${failure.message}` } });
}
