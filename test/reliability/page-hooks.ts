// Test hooks for page-level events the browser cannot produce on demand in a headless test: a hidden
// tab, an AudioContext that starts suspended, and waiting for an AudioContext's state.

/** Overrides `document.visibilityState`/`hidden`; `set()` changes it and dispatches `visibilitychange`. */
export function overrideVisibility(): { set(state: DocumentVisibilityState): void; restore(): void } {
  let current: DocumentVisibilityState = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => current });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => current === 'hidden' });
  return {
    set(state) {
      current = state;
      document.dispatchEvent(new Event('visibilitychange'));
    },
    restore() {
      delete (document as { visibilityState?: unknown }).visibilityState;
      delete (document as { hidden?: unknown }).hidden;
    },
  };
}

/** Resolves when `context` reaches `state` (at once if it is there); rejects after `limitMs` (a hang guard). */
export function stateChange(context: BaseAudioContext, state: AudioContextState, limitMs = 10000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (context.state === state) return resolve();
    const timer = setTimeout(() => reject(new Error(`AudioContext stayed ${context.state}, never ${state}`)), limitMs);
    context.addEventListener('statechange', function check() {
      if (context.state !== state) return;
      clearTimeout(timer);
      context.removeEventListener('statechange', check);
      resolve();
    });
  });
}

export interface AudioContextPatch {
  /** Suspend every new context at once, as browsers do without a user gesture. */
  readonly startSuspended?: boolean;
  /** Replaces `resume()` of new contexts. */
  readonly resume?: (this: AudioContext) => Promise<void>;
}

/** Runs `body` with `new AudioContext()` patched; the global is put back afterwards. */
export async function withPatchedAudioContext<T>(patch: AudioContextPatch, body: () => Promise<T>): Promise<T> {
  const Original = globalThis.AudioContext;
  globalThis.AudioContext = class extends Original {
    constructor(options?: AudioContextOptions) {
      super(options);
      if (patch.startSuspended) void super.suspend();
      if (patch.resume) this.resume = patch.resume;
    }
  };
  try {
    return await body();
  } finally {
    globalThis.AudioContext = Original;
  }
}
