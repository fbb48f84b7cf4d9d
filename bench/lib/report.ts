/** One printed line of a section: a figure, its unit and, where a peer was measured, the ratio against it. */
export interface Row {
  readonly label: string;
  readonly value: number | string;
  readonly unit?: string;
  readonly note?: string;
}

/** A benchmark section: rows for people, figures (nested plain data) for `--json`. */
export interface Section {
  readonly title: string;
  readonly rows: readonly Row[];
  readonly figures: Record<string, unknown>;
}

const show = (value: number | string): string => {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toFixed(digits);
};

/** Formats a section as an aligned text table. */
export function formatSection(section: Section): string {
  const lines = [`\n${section.title}`];
  for (const row of section.rows) {
    const value = `${show(row.value)}${row.unit ? ` ${row.unit}` : ''}`;
    lines.push(`  ${row.label.padEnd(58)} ${value.padStart(16)}${row.note ? `   ${row.note}` : ''}`);
  }
  return lines.join('\n');
}

/** A Markdown table of every section (the README's performance table). */
export function formatMarkdown(sections: readonly Section[]): string {
  const lines = ['| Benchmark | Figure | Value |', '| --- | --- | --- |'];
  for (const section of sections) {
    for (const row of section.rows) {
      const value = `${show(row.value)}${row.unit ? ` ${row.unit}` : ''}${row.note ? ` (${row.note})` : ''}`;
      lines.push(`| ${section.title} | ${row.label} | ${value} |`);
    }
  }
  return lines.join('\n');
}
