import puppeteer, { type Browser } from 'puppeteer-core';

/** The flags ../shared/TOOLCHAIN.md lists for Debian's Chromium running headless as root. */
const baseArgs = [
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
];

/** Headless Chromium with a fresh profile (an empty HTTP cache); `fakeMicWav` loops as the microphone. */
export async function launchChromium(fakeMicWav?: string): Promise<Browser> {
  const args = fakeMicWav ? [...baseArgs, `--use-file-for-fake-audio-capture=${fakeMicWav}`] : baseArgs;
  return puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args });
}
