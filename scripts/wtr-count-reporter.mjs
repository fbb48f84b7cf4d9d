// web-test-runner reporter that counts individual tests (not files) and writes them as JSON for
// scripts/test.mjs. A test file that fails before reporting any test (load error, timeout, crash)
// counts as one failed test, so a broken file can never read as "0 failed".
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

function countSuite(suite, counts, path = []) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else {
      counts.failed += 1;
      counts.failures.push([...path, test.name].join(' › '));
    }
  }
  for (const child of suite.suites ?? []) countSuite(child, counts, [...path, child.name]);
}

/** @param {{ outFile?: string }} options */
export function countReporter({ outFile } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
      for (const session of sessions) {
        const file = relative(process.cwd(), session.testFile);
        const before = counts.failed + counts.passed + counts.skipped;
        countSuite(session.testResults, counts, [file]);
        const reported = counts.failed + counts.passed + counts.skipped - before;
        if (session.errors?.length > 0 || (session.passed === false && reported === 0)) {
          const failedTests = counts.failures.filter((name) => name.startsWith(file)).length;
          if (failedTests === 0) {
            counts.failed += 1;
            counts.failures.push(`${file}: ${session.errors?.[0]?.message ?? 'test file failed'}`);
          }
        }
      }
      if (outFile) writeFileSync(outFile, JSON.stringify(counts, null, 2));
    },
  };
}
