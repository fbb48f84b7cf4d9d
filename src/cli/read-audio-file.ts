import { decodeAudioBytes, prepareAudio } from '../sdk/audio/index.ts';
import { EmovoxError } from '../sdk/errors.ts';
import { readInputFile } from '../sdk/node/read-input-file.ts';

/** Reads and decodes an audio file to 16 kHz mono; every failure names the file. */
export async function readAudioFile(path: string, targetRate = 16000): Promise<{ samples: Float32Array; sourceRate: number; channels: number }> {
  try {
    const decoded = await decodeAudioBytes(await readInputFile(path));
    return { samples: prepareAudio(decoded, targetRate), sourceRate: decoded.sampleRate, channels: decoded.channels.length };
  } catch (error) {
    if (error instanceof EmovoxError) throw new EmovoxError(error.code, `${path}: ${error.message}`, { cause: error });
    throw error;
  }
}
