// No bundler: the "build" is copying the page and emovox's self-contained folder (dist/browser:
// emovox.js, assets/, models/) into the folder you deploy. Everything is found next to emovox.js.
import { cp, mkdir, rm } from 'node:fs/promises';

await rm('dist', { recursive: true, force: true });
await mkdir('dist', { recursive: true });
await cp('index.html', 'dist/index.html');
await cp('app.js', 'dist/app.js');
await cp('node_modules/emovox/dist/browser', 'dist/vendor/emovox', { recursive: true });
