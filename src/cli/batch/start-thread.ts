import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread from a module URL. Built, the URL is a `.js` chunk. From source (tsx), it is a
 * `.ts` file, and Node does not pass the main thread's loader hooks to threads, so a two-line bootstrap
 * registers tsx inside the thread before importing it.
 */
export function startThread(url: URL, options: WorkerOptions): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
