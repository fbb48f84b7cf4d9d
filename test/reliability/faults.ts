// Helpers of the fault tests: broken model files and manifests made at test time from the tiny test model
// (as blob: URLs the worker can fetch), and a check that a failure left no worker, track or AudioContext alive.
import { expect } from '@open-wc/testing';
import { EmovoxError, type EmovoxErrorCode } from '../../src/sdk/index.ts';
import { tinyModelUrl } from '../sdk/helpers.ts';
import type { ResourceSpy } from '../sdk/spies.ts';

/** An HTML page served with status 200, as single-page-app servers answer unknown paths. */
export const htmlPageUrl = new URL('./fixtures/spa-fallback.html', import.meta.url);

/** The code of the EmovoxError a promise rejects with, or a description of anything else. */
export async function codeOf(promise: Promise<unknown>): Promise<EmovoxErrorCode | string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof EmovoxError ? error.code : `${(error as Error).name}: ${(error as Error).message}`;
  }
}

export interface TinyModel {
  readonly manifest: Record<string, unknown> & { model: { file: string; sha256: string; bytes: number } };
  readonly bytes: Uint8Array;
}

export async function loadTinyModel(): Promise<TinyModel> {
  const manifest = await (await fetch(tinyModelUrl)).json();
  const bytes = new Uint8Array(await (await fetch(new URL(manifest.model.file, tinyModelUrl))).arrayBuffer());
  return { manifest, bytes };
}

const blobUrl = (parts: BlobPart[], type: string): URL => new URL(URL.createObjectURL(new Blob(parts, { type })));

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes.slice());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A manifest URL for the tiny model whose ONNX file is `file` (an absolute URL, so it resolves from a
 * blob: manifest), declaring `sha256` (default: the real model's).
 */
export function manifestFor(tiny: TinyModel, file: URL, sha256 = tiny.manifest.model.sha256): URL {
  const manifest = { ...tiny.manifest, model: { ...tiny.manifest.model, file: file.href, sha256 } };
  return blobUrl([JSON.stringify(manifest)], 'application/json');
}

/** The bytes as a fetchable blob: URL. */
export const bytesUrl = (bytes: Uint8Array): URL => blobUrl([bytes.slice()], 'application/octet-stream');

/** Nothing the failed call opened is still alive: every worker terminated, every track ended, every AudioContext closed. */
export function expectReleased(spy: ResourceSpy, what: string): void {
  expect(spy.workers.filter((w) => !spy.terminated.has(w)).length, `${what}: live workers`).to.equal(0);
  expect(spy.tracks.filter((t) => t.readyState !== 'ended').length, `${what}: live microphone tracks`).to.equal(0);
  expect(spy.contexts.filter((c) => c.state !== 'closed').length, `${what}: open AudioContexts`).to.equal(0);
}
