/** Small statistics and table helpers for `npm run bench`. */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank on the interpolated position (the usual "linear" definition).
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export const median = (values: readonly number[]) => percentile(values, 0.5);

export const fmt = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

export type Verdict = 'PASS' | 'FAIL' | 'INFO';

/** A budget's outcome: its rows are printed as a table, `failed` decides the exit code. */
export interface BudgetResult {
  title: string;
  rule: string;
  headers: string[];
  rows: (string | number)[][];
  notes: string[];
  failed: boolean;
}

export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [headers, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((row) => /^-?[\d.,]+( ?[a-zA-Z%×x]*)?$|^n\/a$/.test(String(row[i] ?? ''))));
  const line = (row: readonly string[]) =>
    row.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}

export function printBudget(result: BudgetResult): void {
  const status = result.failed ? 'FAIL' : 'PASS';
  console.log(`\n== ${result.title}: ${status}`);
  console.log(`   budget: ${result.rule}`);
  console.log(table(result.headers, result.rows).replace(/^/gm, '   '));
  for (const note of result.notes) console.log(`   ${note.replace(/\n/g, '\n   ')}`);
}

/** A row for something the bench could not measure (e.g. an endpoint answering 500): it fails the budget. */
export function addUnmeasured(result: BudgetResult, label: string, reason: string, before?: string): void {
  const row: (string | number)[] = [label, ...result.headers.slice(1, -1).map(() => 'n/a'), 'FAIL'];
  row[row.length - 2] = `not measured: ${reason}`.slice(0, 140);
  const at = before === undefined ? -1 : result.rows.findIndex((r) => r[0] === before);
  if (at >= 0) result.rows.splice(at, 0, row);
  else result.rows.push(row);
  result.failed = true;
}
