/** A mistake in how the command was called: printed as one line, exit code 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** Parses `--flag value`, `--flag=value` and boolean `--flag` arguments; positional arguments are returned in order. */
export function parseArgs(
  args: string[],
  spec: { readonly booleans?: readonly string[]; readonly values?: readonly string[]; readonly repeatable?: readonly string[] },
): { flags: Map<string, string[]>; booleans: Set<string>; positional: string[] } {
  const flags = new Map<string, string[]>();
  const booleans = new Set<string>();
  const positional: string[] = [];
  const takesValue = new Set([...(spec.values ?? []), ...(spec.repeatable ?? [])]);
  const isBoolean = new Set(spec.booleans ?? []);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (isBoolean.has(name) && eq < 0) {
      booleans.add(name);
    } else if (takesValue.has(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) throw new CliUsageError(`option --${name} needs a value`);
      if (flags.has(name) && !(spec.repeatable ?? []).includes(name)) {
        throw new CliUsageError(`option --${name} given twice`);
      }
      flags.set(name, [...(flags.get(name) ?? []), value]);
    } else {
      throw new CliUsageError(`unknown option --${name}`);
    }
  }
  return { flags, booleans, positional };
}
