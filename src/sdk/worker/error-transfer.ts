import { transferHandlers, type TransferHandler } from 'comlink';
import { EmovoxError } from '../errors.ts';
import type { SerializedError } from './protocol.ts';

/** Plain form of any thrown value, keeping an EmovoxError's code. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof EmovoxError) return error.toJSON();
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error) };
}

/** Inverse of `serializeError`: EmovoxErrors come back as EmovoxError, others as plain `Error`s with their name. */
export function deserializeError(data: SerializedError): Error {
  if (EmovoxError.isSerialized(data)) return EmovoxError.fromJSON(data);
  const error = new Error(data.message);
  error.name = data.name;
  if (data.stack) error.stack = data.stack;
  return error;
}

type Thrown = { value: unknown };
type Wire = { emovox: SerializedError } | { other: unknown };

let installed = false;

/**
 * Replaces comlink's `throw` handler (which keeps only name, message and stack) with one that
 * carries an EmovoxError's `code`. Other errors keep comlink's behaviour: rethrown as `Error`s.
 * Must run on both sides of the boundary; idempotent.
 */
export function installErrorTransfer(): void {
  if (installed) return;
  installed = true;
  const original = transferHandlers.get('throw') as TransferHandler<Thrown, unknown>;
  const handler: TransferHandler<Thrown, Wire> = {
    canHandle: (value): value is Thrown => original.canHandle(value),
    serialize(thrown) {
      if (thrown.value instanceof EmovoxError) return [{ emovox: thrown.value.toJSON() }, []];
      const [other, transfer] = original.serialize(thrown);
      return [{ other }, transfer];
    },
    deserialize(wire) {
      if ('emovox' in wire) throw deserializeError(wire.emovox);
      return original.deserialize(wire.other) as Thrown;
    },
  };
  transferHandlers.set('throw', handler as TransferHandler<unknown, unknown>);
}
