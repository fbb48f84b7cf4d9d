import { EmovoxError } from '../errors.ts';

/** Reads dotted paths out of untrusted JSON; every failure is a MODEL_INVALID naming the path. */
export class ManifestReader {
  constructor(private readonly root: unknown) {}

  fail(path: string, problem: string): never {
    throw new EmovoxError('MODEL_INVALID', `model manifest: '${path}' ${problem}`);
  }

  optional(path: string): unknown {
    let value: unknown = this.root;
    for (const key of path.split('.')) {
      // Own properties only: a key like 'constructor' must not reach Object.prototype.
      if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
      value = (value as Record<string, unknown>)[key];
    }
    return value;
  }

  at(path: string): unknown {
    const value = this.optional(path);
    if (value === undefined) this.fail(path, 'is missing');
    return value;
  }

  string(path: string): string {
    const value = this.at(path);
    if (typeof value !== 'string' || value.length === 0) this.fail(path, 'must be a non-empty string');
    return value;
  }

  boolean(path: string): boolean {
    const value = this.at(path);
    if (typeof value !== 'boolean') this.fail(path, 'must be true or false');
    return value;
  }

  number(path: string, min = -Infinity, max = Infinity): number {
    const value = this.at(path);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      this.fail(path, `must be a finite number in [${min}, ${max}]`);
    }
    return value;
  }

  integer(path: string, min: number, max = Infinity): number {
    const value = this.number(path, min, max);
    if (!Number.isInteger(value)) this.fail(path, 'must be an integer');
    return value;
  }

  object(path: string): Record<string, unknown> {
    const value = this.at(path);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, 'must be an object');
    return value as Record<string, unknown>;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    if (!allowed.includes(value as T)) this.fail(path, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
    return value as T;
  }

  array<T>(path: string, item: (value: unknown, at: string) => T): T[] {
    const value = this.at(path);
    if (!Array.isArray(value)) this.fail(path, 'must be an array');
    return value.map((v, i) => item(v, `${path}[${i}]`));
  }

  /** A numeric array of exactly `length` finite values (strictly positive when `positive`). */
  numbers(path: string, length: number, positive = false): number[] {
    const values = this.array(path, (v, at) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || (positive && v <= 0)) this.fail(at, positive ? 'must be a finite number > 0' : 'must be a finite number');
      return v;
    });
    if (values.length !== length) this.fail(path, `must have ${length} values (the input width), got ${values.length}`);
    return values;
  }
}
