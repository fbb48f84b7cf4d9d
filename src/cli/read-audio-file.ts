import { readFile } from 'node:fs/promises';
import { decodeAudioBytes, prepareAudio } from '../sdk/audio/index.ts';
import { EmovoxError } from '../sdk/errors.ts';

/** Reads and decodes an audio file to 16 kHz mono; every failure names the file. */
export async function readAudioFile(path: string, targetRate = 16000): Promise<{ samples: Float32Array; sourceRate: number; channels: number }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new EmovoxError('INVALID_AUDIO', `${path}: ${reason}`, { cause: error });
  }
  try {
    const decoded = await decodeAudioBytes(bytes);
    return { samples: prepareAudio(decoded, targetRate), sourceRate: decoded.sampleRate, channels: decoded.channels.length };
  } catch (error) {
    if (error instanceof EmovoxError) throw new EmovoxError(error.code, `${path}: ${error.message}`, { cause: error });
    throw error;
  }
}
