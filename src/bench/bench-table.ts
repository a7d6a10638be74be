/**
 * The benchmark's report: one row per measure, each with the target it is
 * held to, if any, and whether the measured value meets it. The table is
 * Markdown, so the terminal output can go into the README as it is.
 */

/** A goal for a number, or a check that must hold. */
export type Target =
  | { kind: 'below'; limit: number; unit?: string }
  | { kind: 'at-most'; limit: number; unit?: string }
  | { kind: 'holds'; text: string };

/** One line of the report. */
export interface BenchRow {
  /** The numbered item of the benchmark the row belongs to. */
  section: number;
  measure: string;
  /** What was measured, as a person reads it. */
  result: string;
  /** The figure the target is checked against (a boolean for `holds`). */
  value?: number | boolean;
  target?: Target;
}

/** Met, missed, or no target (or nothing measured to hold it to). */
export type Verdict = 'met' | 'missed' | '';

/** Whether `row.value` meets `row.target`. */
export function verdictOf(row: BenchRow): Verdict {
  const { target, value } = row;
  if (target === undefined || value === undefined) return '';
  if (target.kind === 'holds') return value === true ? 'met' : 'missed';
  if (typeof value !== 'number' || Number.isNaN(value)) return 'missed';
  const met =
    target.kind === 'below' ? value < target.limit : value <= target.limit;

  return met ? 'met' : 'missed';
}

/** The target as the table shows it: `< 50 ms`, `≤ 1.1x`, `all present`. */
export function targetText(target: Target | undefined): string {
  if (target === undefined) return '';
  if (target.kind === 'holds') return target.text;
  const unit = target.unit === undefined ? '' : unitSuffix(target.unit);
  const sign = target.kind === 'below' ? '<' : '≤';

  return `${sign} ${target.limit.toLocaleString('en-US')}${unit}`;
}

/** `x` hugs the number; words and `ms` take a space. */
function unitSuffix(unit: string): string {
  return unit === 'x' ? unit : ` ${unit}`;
}

const HEADER = ['#', 'measure', 'result', 'target', 'met'] as const;

/** The row's cells, in the order of the header. */
export function cellsOf(row: BenchRow): string[] {
  return [
    String(row.section),
    row.measure,
    row.result,
    targetText(row.target),
    verdictOf(row),
  ].map(escapeCell);
}

/** A pipe would end the cell early in Markdown. */
function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/**
 * The rows as a Markdown table whose columns line up in a terminal (as
 * Prettier would format it).
 */
export function formatTable(rows: readonly BenchRow[]): string {
  const lines = [[...HEADER], ...rows.map(cellsOf)];
  const widths = HEADER.map((_, column) =>
    Math.max(3, ...lines.map((cells) => displayWidth(cells[column] ?? ''))),
  );
  const render = (cells: readonly string[]) => {
    const padded = widths.map((width, column) =>
      pad(cells[column] ?? '', width),
    );

    return `| ${padded.join(' | ')} |`;
  };
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  const [header, ...body] = lines;

  return [render(header ?? []), rule, ...body.map(render)].join('\n');
}

const graphemes = new Intl.Segmenter('en');

/** Characters as a terminal shows them: `≤` is one column, not three. */
function displayWidth(text: string): number {
  return [...graphemes.segment(text)].length;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** How many rows met and missed their targets. */
export function tally(rows: readonly BenchRow[]): {
  met: number;
  missed: number;
} {
  const verdicts = rows.map(verdictOf);

  return {
    met: verdicts.filter((verdict) => verdict === 'met').length,
    missed: verdicts.filter((verdict) => verdict === 'missed').length,
  };
}
