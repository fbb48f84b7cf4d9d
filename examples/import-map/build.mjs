// No bundler: copy the page and emovox's dist/browser folder; the import map in index.html maps the
// package names `emovox` and `emovox/components` onto it.
import { cp, mkdir, rm } from 'node:fs/promises';

await rm('dist', { recursive: true, force: true });
await mkdir('dist', { recursive: true });
await cp('index.html', 'dist/index.html');
await cp('app.js', 'dist/app.js');
await cp('node_modules/emovox/dist/browser', 'dist/vendor/emovox', { recursive: true });
