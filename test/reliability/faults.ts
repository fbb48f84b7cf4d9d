// Helpers of the fault tests: the error a call fails with, and a check that a failure left no worker,
// microphone track or AudioContext alive.
import { expect } from '@open-wc/testing';
import { EmovoxError, type EmovoxErrorCode } from '../../src/sdk/index.ts';
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

/** The code and message of the EmovoxError a promise rejects with (`code` is the name of anything else). */
export async function messageOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
    return { code: 'resolved', message: '' };
  } catch (error) {
    return { code: error instanceof EmovoxError ? error.code : (error as Error).name, message: String((error as Error).message) };
  }
}

/** Nothing the failed call opened is still alive: every worker terminated, every track ended, every AudioContext closed. */
export function expectReleased(spy: ResourceSpy, what: string): void {
  expect(spy.workers.filter((w) => !spy.terminated.has(w)).length, `${what}: live workers`).to.equal(0);
  expect(spy.tracks.filter((t) => t.readyState !== 'ended').length, `${what}: live microphone tracks`).to.equal(0);
  expect(spy.contexts.filter((c) => c.state !== 'closed').length, `${what}: open AudioContexts`).to.equal(0);
}
