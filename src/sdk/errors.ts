/** Every failure emovox reports carries one of these codes. */
export type EmovoxErrorCode =
  | 'MIC_PERMISSION_DENIED'
  | 'MIC_NOT_FOUND'
  | 'MIC_UNREADABLE'
  | 'MODEL_LOAD_FAILED'
  | 'MODEL_INVALID'
  | 'ASSET_LOAD_FAILED'
  | 'UNSUPPORTED_AUDIO'
  | 'INVALID_AUDIO'
  | 'WORKER_CRASHED'
  | 'INVALID_STATE'
  | 'ABORTED';

/** Plain-object form that crosses `postMessage` and comlink unchanged. */
export interface SerializedEmovoxError {
  readonly name: 'EmovoxError';
  readonly code: EmovoxErrorCode;
  readonly message: string;
  readonly stack?: string;
}

/**
 * The one error class emovox throws or emits. Branch on `code`, not on the message.
 * Errors emovox does not recognise are rethrown as they are, never wrapped or swallowed.
 */
export class EmovoxError extends Error {
  override readonly name = 'EmovoxError';
  readonly code: EmovoxErrorCode;

  constructor(code: EmovoxErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  toJSON(): SerializedEmovoxError {
    return { name: 'EmovoxError', code: this.code, message: this.message, stack: this.stack };
  }

  static fromJSON(data: SerializedEmovoxError): EmovoxError {
    const error = new EmovoxError(data.code, data.message);
    if (data.stack) error.stack = data.stack;
    return error;
  }

  static isSerialized(value: unknown): value is SerializedEmovoxError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'EmovoxError' &&
      typeof (value as { code?: unknown }).code === 'string'
    );
  }
}
