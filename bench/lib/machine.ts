import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';

/** The machine a run measured, printed with every result (figures mean little without it). */
export async function describeMachine(): Promise<Record<string, unknown> & { summary: string }> {
  const cpu = cpus();
  let chromium = 'unknown';
  try {
    chromium = execFileSync(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    /* reported as unknown */
  }
  const info = {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    node: process.version,
    chromium,
    loadAverage1mAtStart: Math.round(loadavg()[0] * 100) / 100,
  };
  return { ...info, summary: `${info.cpu}, ${info.cores} cores, ${info.memoryGb} GB, ${info.os}, Node ${info.node}, ${info.chromium} (1-min load average at start ${info.loadAverage1mAtStart})` };
}
