// @web/test-runner in Debian's headless Chromium (/usr/bin/chromium, driven by puppeteer-core).
//
// Fake microphone per test file: put a line `// @fake-mic <what>` near the top of a *.browser.test.ts:
//   <recipe>[ noloop]  Chromium's fake device plays test/.generated/<recipe>.wav (scripts/generate-test-audio.mjs),
//                      looping unless `noloop` is given
//   <path>.wav[ noloop] the same with a committed file (path from the repo root)
//   none               no audio input device at all (getUserMedia rejects with NotFoundError)
//   denied             permission prompts are denied (getUserMedia rejects with NotAllowedError)
// Files without the line get Chromium's default fake device (a beeping tone). Files sharing a setting
// share one browser (one wtr group per setting).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countReporter } from './scripts/wtr-count-reporter.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const testRoots = ['test', 'src'];
const commonArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--autoplay-policy=no-user-gesture-required',
];

function browserTestFiles(dir) {
  const found = [];
  let entries = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) found.push(...browserTestFiles(path));
    else if (entry.isFile() && entry.name.endsWith('.browser.test.ts')) found.push(path);
  }
  return found;
}

/** The `// @fake-mic …` setting of a test file, or undefined for the default fake device. */
export function fakeMicOf(file) {
  const match = /^\s*\/\/\s*@fake-mic\s+(\S+)(\s+noloop)?\s*$/m.exec(readFileSync(file, 'utf8'));
  if (!match) return undefined;
  return { source: match[1], loop: !match[2] };
}

function micArgs(setting) {
  if (!setting) return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];
  if (setting.source === 'none') return ['--use-fake-ui-for-media-stream'];
  if (setting.source === 'denied') return ['--deny-permission-prompts', '--use-fake-device-for-media-stream'];
  const wav = setting.source.endsWith('.wav') ? join(root, setting.source) : join(root, 'test/.generated', `${setting.source}.wav`);
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${wav}${setting.loop ? '' : '%noloop'}`,
  ];
}

function browser(setting) {
  return chromeLauncher({
    launchOptions: { executablePath: chromium, headless: true, args: [...commonArgs, ...micArgs(setting)] },
  });
}

const toGlob = (file) => relative(root, file).split(sep).join('/');
const allFiles = testRoots.flatMap((dir) => browserTestFiles(join(root, dir)));
const bySetting = new Map();
for (const file of allFiles) {
  const setting = fakeMicOf(file);
  if (!setting) continue;
  const key = `${setting.source}${setting.loop ? '' : ' noloop'}`;
  if (!bySetting.has(key)) bySetting.set(key, { setting, files: [] });
  bySetting.get(key).files.push(toGlob(file));
}
const grouped = [...bySetting.values()].flatMap((group) => group.files);

/** Cross-origin isolation, so SharedArrayBuffer and multi-threaded ORT wasm are available as in production. */
function crossOriginIsolation(context, next) {
  context.set('Cross-Origin-Opener-Policy', 'same-origin');
  context.set('Cross-Origin-Embedder-Policy', 'require-corp');
  context.set('Cross-Origin-Resource-Policy', 'same-origin');
  return next();
}

/**
 * Serves self-contained CommonJS files (one `module.exports`, no `require`) as ES modules with a default
 * export. @rollup/plugin-commonjs 29 does not run inside the dev server; fft.js and the browser file of
 * @eshaz/web-worker (used by the FLAC decoder) are such files.
 */
function commonjsDefault(packages) {
  const escaped = packages.map((name) => name.replace(/[.+]/g, (c) => `\\${c}`));
  const pattern = new RegExp(`/node_modules/(${escaped.join('|')})/.+\\.c?js$`);
  return {
    name: 'emovox-commonjs-default',
    transform(context) {
      if (!pattern.test(context.path) || typeof context.body !== 'string') return undefined;
      if (/\brequire\s*\(/.test(context.body)) throw new Error(`${context.path} calls require(): it needs a real CommonJS transform`);
      return { body: `const module = { exports: {} }; const exports = module.exports;\n${context.body}\nexport default module.exports;\n` };
    },
  };
}

export default {
  rootDir: root,
  files: [...testRoots.map((dir) => `${dir}/**/*.browser.test.ts`), ...grouped.map((file) => `!${file}`)],
  groups: [...bySetting.entries()].map(([key, group]) => ({
    name: `mic-${key.replace(/[^a-z0-9]+/gi, '-')}`,
    files: group.files,
    browsers: [browser(group.setting)],
  })),
  nodeResolve: { browser: true, exportConditions: ['development', 'browser', 'import', 'module', 'default'] },
  browsers: [browser(undefined)],
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 60_000 } },
  middleware: [crossOriginIsolation],
  mimeTypes: { '**/*.onnx': 'application/octet-stream' },
  plugins: [
    commonjsDefault(['fft.js', '@eshaz/web-worker']),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(root, 'tsconfig.json') }),
  ],
  reporters: [
    defaultReporter(),
    summaryReporter({ flatten: false }),
    ...(process.env.EMOVOX_WTR_COUNTS ? [countReporter({ outFile: process.env.EMOVOX_WTR_COUNTS })] : []),
  ],
};
