#!/usr/bin/env node
// Runs the built CLI; in a source checkout without dist/ (or with EMOVOX_CLI_SOURCE=1, which the CLI's own
// tests set so that they test src/ and not a stale build) it runs the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const source = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
let entry = built;
if (process.env.EMOVOX_CLI_SOURCE === '1' || !existsSync(built)) {
  if (!existsSync(source)) {
    process.stderr.write('emovox: dist/cli/main.js is missing; run `npm run build`\n');
    process.exit(1);
  }
  const { register } = await import('tsx/esm/api');
  register();
  entry = source;
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
