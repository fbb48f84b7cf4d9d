// Turns one folder of examples/ into a production build the way a user would: a copy outside the
// repository, the packed emovox tarball as its `emovox` dependency (no workspace link, no source
// tree), `npm install` from the registry with the shared npm cache, then the example's `build` script.
// emovox's own dependency tree (onnxruntime-web and -node alone unpack to over 400 MB) is installed
// once per run and hard-linked into each example before its `npm install`, which keeps what already
// satisfies the example's package.json and adds the rest.
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './pack.ts';

const run = promisify(execFile);

export interface BuiltExample {
  readonly name: string;
  /** Folder with the deployable output. */
  readonly outDir: string;
  readonly installSeconds: number;
  readonly buildSeconds: number;
}

const generated = new Set(['node_modules', 'dist', 'out', '.next']);

async function timed(command: string, args: string[], cwd: string): Promise<number> {
  const started = performance.now();
  try {
    await run(command, args, {
      cwd,
      maxBuffer: 64 << 20,
      // onnxruntime-node (an optional dependency) would try to download CUDA files in its postinstall.
      env: { ...process.env, npm_config_onnxruntime_node_install: 'skip', NEXT_TELEMETRY_DISABLED: '1' },
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`);
  }
  return (performance.now() - started) / 1000;
}

const npmInstall = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];
const bases = new Map<string, Promise<string>>();

/** `<work>/.emovox-base/node_modules`: the tarball and its dependencies, installed once per `work`. */
function baseInstall(tarball: string, work: string): Promise<string> {
  let base = bases.get(work);
  if (!base) {
    base = (async () => {
      const dir = join(work, '.emovox-base');
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'emovox-base', private: true, dependencies: { emovox: `file:${tarball}` } }));
      await timed('npm', npmInstall, dir);
      return join(dir, 'node_modules');
    })();
    bases.set(work, base);
  }
  return base;
}

/** Copies examples/<name> into `work`, installs `tarball` into it and builds it. */
export async function buildExample(name: string, tarball: string, work: string, outDirName = 'dist'): Promise<BuiltExample> {
  const dir = join(work, name);
  await cp(join(repoRoot, 'examples', name), dir, { recursive: true, filter: (source) => !generated.has(basename(source)) });
  const manifestFile = join(dir, 'package.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { dependencies?: Record<string, string> };
  if (!manifest.dependencies?.emovox) throw new Error(`examples/${name}/package.json does not depend on emovox`);
  manifest.dependencies.emovox = `file:${tarball}`;
  await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  await timed('cp', ['-al', await baseInstall(tarball, work), join(dir, 'node_modules')], work);
  const installSeconds = await timed('npm', npmInstall, dir);
  const buildSeconds = await timed('npm', ['run', 'build'], dir);
  return { name, outDir: join(dir, outDirName), installSeconds, buildSeconds };
}
