import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { RecordingRecord } from '../../src/cli/batch/record.ts';
import { scratchDir, sox } from '../helpers/sox.ts';
import { emovox, emovoxAsync, generated, generateTestAudio, tinyModel } from './cli-helpers.ts';

const dir = scratchDir('cli-queue');
const inputs = join(dir, 'calls');
const out = join(dir, 'out');
const started: ChildProcess[] = [];
const goodCount = 24;
let redisUrl = '';

/** A free TCP port on 127.0.0.1 (asked from the OS, then released for redis-server to take). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Resolves when `child` writes a stderr line matching `pattern`; collects everything it wrote. */
function waitForLine(child: ChildProcess, log: string[], pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      log.push(chunk.toString());
      if (pattern.test(log.join(''))) resolve();
    });
    child.once('exit', () => reject(new Error(`exited before printing ${pattern}:\n${log.join('')}`)));
  });
}

before(async () => {
  generateTestAudio();
  mkdirSync(inputs);
  // The long recording goes first, so the first worker is inside it when it is killed.
  const long = join(inputs, 'a-long.wav');
  sox('-M', generated('two-phrases'), generated('two-phrases'), join(dir, 'stereo.wav'));
  sox(join(dir, 'stereo.wav'), join(dir, 'stereo.wav'), join(dir, 'stereo.wav'), join(dir, 'stereo.wav'), join(dir, 'stereo.wav'), long);
  // Short calls keep the test quick: a two-word greeting on each channel.
  execFileSync('espeak-ng', ['-w', join(dir, 'hello.wav'), 'Hello there.']);
  sox('-M', join(dir, 'hello.wav'), join(dir, 'hello.wav'), join(dir, 'short.wav'), 'pad', '0.3', '0.3');
  for (let i = 0; i < goodCount; i++) copyFileSync(join(dir, 'short.wav'), join(inputs, `b-call-${String(i).padStart(2, '0')}.wav`));
  writeFileSync(join(inputs, 'c-poisoned.wav'), 'RIFF....WAVEfmt this file is broken');
  const port = await freePort();
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  started.push(redis);
  redisUrl = `redis://127.0.0.1:${port}`;
  for (let tries = 0; emovox('queue', 'status', '--redis', redisUrl).status !== 0; tries++) {
    assert.ok(tries < 20, 'redis-server did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
});

after(async () => {
  for (const child of started.reverse()) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited(child);
  }
});

test('two queue workers, one killed mid-job: every input ends with exactly one complete result or one failure', async () => {
  const added = emovox('queue', 'add', inputs, '--redis', redisUrl, '--channels', 'split', '--attempts', '2');
  assert.equal(added.status, 0, added.stderr);
  const workArgs = ['queue', 'work', '--redis', redisUrl, '--out', out, '--concurrency', '1', '--exit-when-idle',
    '--model', tinyModel, '--lock-duration', '2000', '--stalled-interval', '1000'];
  const doomed = emovoxAsync(workArgs);
  started.push(doomed);
  const doomedLog: string[] = [];
  await waitForLine(doomed, doomedLog, /start .*a-long\.wav/);
  const survivor = emovoxAsync(workArgs);
  started.push(survivor);
  const survivorLog: string[] = [];
  survivor.stderr!.on('data', (chunk: Buffer) => survivorLog.push(chunk.toString()));
  doomed.kill('SIGKILL');
  assert.deepEqual(await exited(doomed), { code: null, signal: 'SIGKILL' });
  assert.equal(existsSync(join(out, 'a-long.json')), false, 'killed before it finished the long recording');

  const { code } = await exited(survivor);
  assert.equal(code, 0, survivorLog.join(''));
  assert.match(survivorLog.join(''), /start .*a-long\.wav/, 'the killed worker\'s job was taken over');
  const files = readdirSync(out);
  assert.deepEqual(files.filter((f) => f.endsWith('.tmp')), [], 'no partial writes left');
  const results = files.filter((f) => f.endsWith('.json') && !f.endsWith('.error.json'));
  assert.equal(results.length, goodCount + 1);
  for (const file of results) {
    const record = JSON.parse(readFileSync(join(out, file), 'utf8')) as RecordingRecord;
    assert.equal(record.complete, true);
    assert.ok(Array.isArray(record.utterances) && record.utterances.every((u) => u.channel === 0 || u.channel === 1));
  }
  assert.deepEqual(files.filter((f) => f.endsWith('.error.json')), ['c-poisoned.error.json']);

  const status = emovox('queue', 'status', '--redis', redisUrl, '--json');
  assert.equal(status.status, 0, status.stderr);
  const { counts, failed } = JSON.parse(status.stdout) as { counts: Record<string, number>; failed: Array<{ file: string; reason: string }> };
  assert.equal(counts.completed, goodCount + 1);
  assert.equal(counts.failed, 1);
  assert.equal(counts.active, 0);
  assert.match(failed[0]!.file, /c-poisoned\.wav$/);
  assert.match(failed[0]!.reason, /INVALID_AUDIO|UNSUPPORTED_AUDIO/);
});

test('queue commands reject bad arguments with one line', () => {
  const cases: Array<[string[], RegExp]> = [
    [['queue', 'status'], /--redis <url> is required/],
    [['queue', 'work', '--redis', redisUrl], /--out DIR is required/],
  ];
  for (const [args, message] of cases) {
    const run = emovox(...args);
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message);
  }
});
