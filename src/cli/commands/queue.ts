import { availableParallelism } from 'node:os';
import { addToQueue } from '../queue/add.ts';
import { queueStatus } from '../queue/status.ts';
import { work } from '../queue/work.ts';
import { CliUsageError, parseArgs } from '../cli-error.ts';
import { parseSettings, vadFlags } from '../batch/settings-flags.ts';

const help = `usage: emovox queue add <files|folders|globs|lists...> --redis URL [--queue NAME] [--channels mix|split] [--speakers a,b] [--attempts N (3)]
       emovox queue work --redis URL --out DIR [--queue NAME] [--concurrency N (cores)] [--exit-when-idle]
                         [--model manifest.json] [--lock-duration MS (30000)] [--stalled-interval MS (15000)] [VAD options of analyze]
       emovox queue status --redis URL [--queue NAME] [--json]

A BullMQ queue over Redis spreads recordings over workers on any number of machines; inputs and --out must
be on storage all of them see under the same paths. A worker that dies mid-recording loses nothing: after
--lock-duration its job is taken over by another worker. Results are written atomically and idempotently
(DIR/<name>.json); a file that keeps failing ends in the failed set and DIR/<name>.error.json after --attempts.`;

function integer(flags: Map<string, string[]>, flag: string, fallback: number, min: number, max: number): number {
  const raw = flags.get(flag)?.[0];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new CliUsageError(`--${flag} must be an integer from ${min} to ${max}, got '${raw}'`);
  return value;
}

const analysisValues = ['model', 'vad-model', 'channels', 'speakers', ...Object.keys(vadFlags)];

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h') {
    process.stdout.write(help + '\n');
    return sub ? 0 : 2;
  }
  const values = ['redis', 'queue', 'out', 'concurrency', 'attempts', 'lock-duration', 'stalled-interval', ...analysisValues];
  const { flags, booleans, positional } = parseArgs(rest, { booleans: ['json', 'exit-when-idle', 'help'], values });
  if (booleans.has('help')) {
    process.stdout.write(help + '\n');
    return 0;
  }
  const settings = parseSettings(flags);
  if (sub === 'add') return addToQueue(positional, flags, { channels: settings.channels, speakers: settings.speakers });
  if (positional.length > 0) throw new CliUsageError(`queue ${sub} takes no file arguments, got '${positional[0]}'`);
  if (sub === 'status') return queueStatus(flags, booleans.has('json'));
  if (sub === 'work') {
    return work(flags, settings, {
      outDir: flags.get('out')?.[0] ?? '',
      concurrency: integer(flags, 'concurrency', availableParallelism(), 1, 256),
      exitWhenIdle: booleans.has('exit-when-idle'),
      lockDurationMs: integer(flags, 'lock-duration', 30000, 500, 3_600_000),
      stalledIntervalMs: integer(flags, 'stalled-interval', 15000, 250, 3_600_000),
    });
  }
  throw new CliUsageError(`unknown queue command '${sub}' (add, work or status)\n${help}`);
}
