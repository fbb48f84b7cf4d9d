import { EmovoxError } from '../errors.ts';
import type { LiveSource } from '../types.ts';

/** Audio constraints emovox asks for: browser processing that reshapes the voice (echo cancellation, noise suppression, gain control) is off. */
export const defaultMicrophoneConstraints: MediaTrackConstraints = Object.freeze({
  channelCount: 1,
  echoCancellation: false,
  noiseSuppression: false,
  autoGainControl: false,
});

/** Maps `getUserMedia` failures onto emovox codes; anything else is rethrown as it is. */
export function mapMediaError(error: unknown): unknown {
  const name = (error as { name?: unknown } | null)?.name;
  const message = (error as { message?: unknown } | null)?.message;
  const detail = typeof message === 'string' && message ? `: ${message}` : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new EmovoxError('MIC_PERMISSION_DENIED', `microphone permission was denied${detail}`, { cause: error });
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new EmovoxError('MIC_NOT_FOUND', `no microphone matches the request${detail}`, { cause: error });
    case 'NotReadableError':
    case 'AbortError':
      return new EmovoxError('MIC_UNREADABLE', `the microphone could not be read${detail}`, { cause: error });
    default:
      return error;
  }
}

/** Opens the microphone described by `source` (or the default one); the caller owns the stream's tracks. */
export async function openMicrophone(source: Exclude<LiveSource, MediaStream> = {}): Promise<MediaStream> {
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (!devices?.getUserMedia) {
    throw new EmovoxError('MIC_UNREADABLE', 'navigator.mediaDevices.getUserMedia is unavailable (a secure context, https or localhost, is required)');
  }
  const audio: MediaTrackConstraints = { ...defaultMicrophoneConstraints, ...source.constraints };
  if (source.deviceId !== undefined) audio.deviceId = { exact: source.deviceId };
  try {
    const stream = await devices.getUserMedia({ audio, video: false });
    if (stream.getAudioTracks().length === 0) throw new EmovoxError('MIC_NOT_FOUND', 'the microphone stream has no audio track');
    return stream;
  } catch (error) {
    throw mapMediaError(error);
  }
}
