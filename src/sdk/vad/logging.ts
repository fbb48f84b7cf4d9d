import type { Logger } from '../logger.ts';
import { log } from '../vendor/vad-web.js';

/** Routes vad-web's own `VAD | …` console messages through our level-gated logger (silent by default). */
export function routeVadLogging(logger: Logger): void {
  log.error = (message) => logger.error('vad:', message);
  log.warn = (message) => logger.warn('vad:', message);
  log.debug = (message) => logger.debug('vad:', message);
}
