import { EmovoxError } from '../sdk/errors.ts';
import { CliUsageError } from './cli-error.ts';

/** A CLI subcommand: parses its own arguments, prints, and returns the exit code. */
export type CommandRunner = (args: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<{ run: CommandRunner }> }> = {
  features: { summary: 'print MFCC-family features of an audio file', load: () => import('./commands/features.ts') },
  analyze: { summary: 'segment recordings with the VAD and print per-utterance emotions', load: () => import('./commands/analyze.ts') },
  queue: { summary: 'analyse recordings on many machines through a BullMQ/Redis queue', load: () => import('./commands/queue.ts') },
  eval: { summary: 'evaluate a model on a labelled CSV manifest', load: () => import('./commands/eval.ts') },
  import: { summary: 'turn a corpus folder into a path,label,speaker CSV', load: () => import('./commands/import.ts') },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`);
  return ['usage: emovox <command> [options]', '', 'commands:', ...lines, '', 'Run `emovox <command> --help` for its options.'].join('\n');
}

/** Entry point of the `emovox` binary; never lets a stack trace reach the user for expected failures. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`emovox: unknown command '${name}'\n${usage()}\n`);
    return 2;
  }
  try {
    const { run } = await command.load();
    return await run(rest);
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`emovox ${name}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof EmovoxError) {
      process.stderr.write(`emovox ${name}: ${error.message} [${error.code}]\n`);
      return 1;
    }
    throw error;
  }
}
