#!/usr/bin/env node
// Checks that dist/ holds everything package.json promises and every file the built code fetches:
// each `exports` target (the `./plugins/*` pattern against every src/plugins module), `types`, the
// `bin` and its dist/cli target, and each `new URL('…', import.meta.url)` asset named in a built module.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { filesUnder } from './files-under.mjs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Leaf paths of an `exports` value (conditions nest). */
function targetsOf(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(targetsOf);
  return [];
}

/** Names that a `./plugins/*` pattern must resolve to: one per plugin module in the sources. */
async function patternStems(key) {
  const folder = key.slice(2, key.indexOf('*')).replace(/\/$/, '');
  const names = [];
  for await (const file of filesUnder(join(root, 'src', folder))) {
    if (dirname(file) === join(root, 'src', folder) && file.endsWith('.ts') && !/\.(test|d)\.ts$/.test(file)) names.push(basename(file, '.ts'));
  }
  return names;
}

/** Relative `new URL('…', import.meta.url)` string literals in built JavaScript. */
export function referencedUrls(code) {
  const found = new Set();
  const pattern = /new\s+URL\(\s*(['"`])([^'"`$]+)\1\s*,\s*import\.meta\.url\s*\)/g;
  for (const match of code.matchAll(pattern)) {
    const target = match[2];
    if (!/^[a-z][a-z0-9+.-]*:/i.test(target) && target !== '.' && target !== './') found.add(target);
  }
  return [...found];
}

/** Returns a list of problems (empty when dist/ is complete). */
export async function verifyDist() {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const problems = [];
  const warned = new Set();
  const need = (path, why) => {
    if (!existsSync(resolve(root, path))) problems.push(`missing ${path.replace(/^\.\//, '')} (${why})`);
  };

  for (const [key, value] of Object.entries(pkg.exports ?? {})) {
    for (const target of targetsOf(value)) {
      if (!target.includes('*')) {
        need(target, `exports["${key}"]`);
        continue;
      }
      const stems = await patternStems(key);
      if (stems.length === 0 && !warned.has(key)) console.warn(`verify-dist: exports["${key}"] matches no source module yet`);
      warned.add(key);
      for (const stem of stems) need(target.replace('*', stem), `exports["${key}"] for ${stem}`);
    }
  }
  if (pkg.types) need(pkg.types, 'types');
  if (pkg.main) need(pkg.main, 'main');
  const bins = typeof pkg.bin === 'string' ? { [pkg.name]: pkg.bin } : (pkg.bin ?? {});
  for (const [name, path] of Object.entries(bins)) {
    need(path, `bin ${name}`);
    if (existsSync(resolve(root, path))) {
      const shim = await readFile(resolve(root, path), 'utf8');
      for (const target of referencedUrls(shim)) if (target.includes('dist/')) need(relative(root, resolve(dirname(resolve(root, path)), target)), `bin ${name} target`);
    }
  }

  const dist = join(root, 'dist');
  let modules = 0;
  for await (const file of filesUnder(dist)) {
    if (!/\.(m?js)$/.test(file) || file.endsWith('.min.js') && file.includes('worklet')) continue;
    modules += 1;
    for (const target of referencedUrls(await readFile(file, 'utf8'))) {
      const asset = resolve(dirname(file), target);
      if (!existsSync(asset)) problems.push(`missing ${relative(root, asset)} (new URL('${target}') in ${relative(root, file)})`);
    }
  }
  if (modules === 0) problems.push('dist/ holds no JavaScript: run `npm run build`');
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const problems = await verifyDist();
  for (const problem of problems) console.error(`verify-dist: ${problem}`);
  if (problems.length > 0) process.exitCode = 1;
  else console.log('verify-dist: every export, bin and referenced asset exists');
}
