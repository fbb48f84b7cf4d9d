import type { AxeResults, ElementContext, Result, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe?: typeof import('axe-core');
  }
}

let loading: Promise<typeof import('axe-core')> | undefined;

/**
 * Loads axe-core (npm) into the page. Its file is a UMD script that sets `window.axe` when run as a
 * classic script, so its source is injected as one instead of being imported as a module.
 */
export function loadAxe(): Promise<typeof import('axe-core')> {
  loading ??= (async () => {
    if (!window.axe) {
      const response = await fetch('/node_modules/axe-core/axe.min.js');
      if (!response.ok) throw new Error(`axe-core: ${response.status} ${response.statusText}`);
      const script = document.createElement('script');
      script.textContent = await response.text();
      document.head.append(script);
    }
    if (!window.axe) throw new Error('axe-core did not define window.axe');
    return window.axe;
  })();
  return loading;
}

/** One line per violated rule, with the offending nodes' selectors. */
export function formatViolations(violations: readonly Result[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n    ')}`)
    .join('\n');
}

/**
 * Runs axe-core on `context` (shadow roots included) and throws, listing every violation, if there is any.
 * `region` is off: a test fixture is not a whole page with landmarks.
 */
export async function expectAccessible(context: ElementContext, options: RunOptions = {}): Promise<AxeResults> {
  const axe = await loadAxe();
  const results = await axe.run(context, { resultTypes: ['violations'], ...options, rules: { region: { enabled: false }, ...options.rules } });
  if (results.violations.length > 0) throw new Error(`axe-core found ${results.violations.length} violation(s):\n${formatViolations(results.violations)}`);
  return results;
}
