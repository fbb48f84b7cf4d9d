import cliProgress from 'cli-progress';

/** What the runner reports as inputs finish. */
export interface BatchProgress {
  /** One input finished (analysed now, skipped as already complete, or failed). */
  finished(name: string, outcome: { ok: boolean; skipped?: boolean; audioMs?: number; line?: string }): void;
  /** A line that must be seen (an error), printed above the bar on a TTY. */
  log(line: string): void;
  stop(): void;
}

/** Counters behind both displays: files, audio hours, speed as audio time per wall time. */
class Tally {
  done = 0;
  audioMs = 0;
  private readonly started = performance.now();

  constructor(readonly total: number) {}

  add(audioMs = 0): void {
    this.done += 1;
    this.audioMs += audioMs;
  }

  get hours(): string {
    return (this.audioMs / 3_600_000).toFixed(3);
  }

  get realTime(): string {
    const wallMs = performance.now() - this.started;
    return wallMs > 0 ? (this.audioMs / wallMs).toFixed(1) : '0.0';
  }
}

/** A bar on stderr: files, audio hours, × real time and ETA (cli-progress's, from the file rate). */
function barProgress(total: number, stream: NodeJS.WriteStream): BatchProgress {
  const tally = new Tally(total);
  const bars = new cliProgress.MultiBar(
    {
      stream,
      format: '{bar} {value}/{total} files | {hours} h audio | {realTime}x real time | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = bars.create(total, 0, { hours: tally.hours, realTime: tally.realTime });
  return {
    finished(_name, { audioMs }) {
      tally.add(audioMs);
      bar.increment(1, { hours: tally.hours, realTime: tally.realTime });
    },
    log: (line) => bars.log(line + '\n'),
    stop: () => bars.stop(),
  };
}

/** One plain line per finished input, for logs and CI where a redrawn bar would be noise. */
function lineProgress(total: number, stream: NodeJS.WritableStream): BatchProgress {
  const tally = new Tally(total);
  return {
    finished(name, { ok, skipped, audioMs, line }) {
      tally.add(audioMs);
      const status = skipped ? 'skipped (complete)' : ok ? 'done' : 'failed';
      const speed = `${tally.hours} h audio, ${tally.realTime}x real time`;
      stream.write(`[${tally.done}/${tally.total}] ${name}: ${status}${line ? `, ${line}` : ''} (${speed})\n`);
    },
    log: (line) => stream.write(line + '\n'),
    stop: () => {},
  };
}

/** Only the lines that must be seen: for a quick look at a few files whose results go to stdout. */
function quietProgress(stream: NodeJS.WritableStream): BatchProgress {
  return { finished: () => {}, log: (line) => stream.write(line + '\n'), stop: () => {} };
}

/** A bar when stderr is a terminal, plain lines otherwise; `quiet` keeps only error lines. */
export function createProgress(total: number, quiet = false, stream: NodeJS.WriteStream = process.stderr): BatchProgress {
  if (quiet) return quietProgress(stream);
  return stream.isTTY ? barProgress(total, stream) : lineProgress(total, stream);
}
