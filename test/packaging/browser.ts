// Headless Chromium (Debian's /usr/bin/chromium through puppeteer-core) with Chromium's fake
// microphone playing a generated WAV. Name resolution is mapped to nowhere except 127.0.0.1, so a
// request to another origin can never succeed; the page report still lists every attempt.
import puppeteer, { type Browser } from 'puppeteer-core';

const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Starts one browser whose fake microphone loops `wav` (16 kHz mono PCM). */
export function launchWithFakeMic(wav: string): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
      '--autoplay-policy=no-user-gesture-required',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${wav}`,
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}
