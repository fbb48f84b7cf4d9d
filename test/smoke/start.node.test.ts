// `npm start` (scripts/start.mjs) bundles the demo and serves it cross-origin isolated: check that the
// page, its bundle and every module it loads are served, so the README's first command cannot rot.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('npm start', () => {
  it('serves the demo page and its bundle with COOP/COEP headers', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs', '--port=0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk;
          const match = /emovox demo: (http:\/\/localhost:\d+\/)/.exec(output);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`start.mjs exited with ${code}:\n${output}`)));
      });
      const page = await fetch(url);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('cross-origin-opener-policy'), 'same-origin');
      assert.equal(page.headers.get('cross-origin-embedder-policy'), 'require-corp');
      const html = await page.text();
      const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
      assert.ok(scripts.length > 0 || /being built/.test(html), 'the page loads no script');
      for (const src of scripts) {
        const script = await fetch(new URL(src, url));
        assert.equal(script.status, 200, src);
        assert.match(script.headers.get('content-type') ?? '', /javascript/);
        // Every static import of the entry module is served too.
        for (const [, spec] of (await script.text()).matchAll(/\bfrom\s*['"](\.[^'"]+)['"]/g)) {
          assert.equal((await fetch(new URL(spec!, new URL(src, url)))).status, 200, spec);
        }
      }
    } finally {
      child.kill();
      if (child.exitCode === null) await once(child, 'exit');
    }
  });
});
