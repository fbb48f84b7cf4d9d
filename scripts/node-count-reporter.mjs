// node:test reporter that counts leaf tests (a test with subtests counts through its subtests; a
// describe() suite is not a test) and writes one JSON object to its destination for scripts/test.mjs.
// A file that fails to load or exits early is reported by node as one failed test, and counted so.
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  /** Per file and nesting level: did the test being built at that level get children / failing children? */
  const levels = new Map();
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { nesting, name, file = '', skip, todo, details } = event.data;
    if (!levels.has(file)) levels.set(file, []);
    const state = levels.get(file);
    const own = state[nesting] ?? { children: false, failedChildren: false };
    state[nesting] = { children: false, failedChildren: false };
    const failed = event.type === 'test:fail' && !todo;
    if (nesting > 0) {
      const parent = (state[nesting - 1] ??= { children: false, failedChildren: false });
      parent.children = true;
      if (failed || own.failedChildren) parent.failedChildren = true;
    }
    if (details?.type === 'suite' || own.children) {
      // A suite or parent test is counted only when it failed on its own (a hook, or code after its subtests).
      if (failed && !own.failedChildren) {
        counts.failed += 1;
        counts.failures.push(`${file}: ${name}: ${details?.error?.message ?? 'failed'}`);
      }
      continue;
    }
    if (skip || todo) counts.skipped += 1;
    else if (failed) {
      counts.failed += 1;
      counts.failures.push(`${file}: ${name}`);
    } else counts.passed += 1;
  }
  yield `${JSON.stringify(counts, null, 2)}\n`;
}
