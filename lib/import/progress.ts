/**
 * What `npm run import` shows while it works (on stderr, so stdout is the summary alone): on a
 * terminal a bar redrawn in place, a few times a second at most; otherwise (a pipe, a CI log) a
 * plain line at every tenth of the rows, and the summary.
 */
import type { ImportCounts, ImportReport } from './run.js';

const WIDTH = 30;
const REDRAW_MS = 100;

const countsText = (c: ImportCounts) => `accepted ${c.accepted}, already imported ${c.alreadyImported}, rejected ${c.rejected}`;

export function progressLine(done: number, total: number, counts: ImportCounts): string {
  return `${done}/${total} rows (${countsText(counts)})`;
}

export function progressBar(done: number, total: number, counts: ImportCounts): string {
  const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(percent).padStart(3)}% ${progressLine(done, total, counts)}`;
}

/** A progress callback for importRows writing to `stream`. */
export function progressTo(stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>): (done: number, total: number, counts: ImportCounts) => void {
  let drawnAt = 0;
  let lastTenth = -1;
  return (done, total, counts) => {
    const finished = done === total;
    if (stream.isTTY) {
      const now = Date.now();
      if (!finished && now - drawnAt < REDRAW_MS) return;
      drawnAt = now;
      stream.write(`\r${progressBar(done, total, counts)}${finished ? '\n' : ''}`);
      return;
    }
    const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    stream.write(`import: ${progressLine(done, total, counts)}\n`);
  };
}

/** The summary: the counts, then each refused row with where it is in the file and why. */
export function summaryText(report: ImportReport, where: { file: string; tenant: string; target: string }): string {
  const lines = [
    `Imported ${where.file} into tenant ${where.tenant} (${where.target}): ${report.total} rows`,
    `  accepted          ${report.accepted}`,
    `  already imported  ${report.alreadyImported}`,
    `  rejected          ${report.rejected}`,
  ];
  if (report.rejections.length > 0) {
    lines.push('Rejected rows:');
    for (const r of report.rejections) lines.push(`  ${r.at}${r.record ? ` (${r.record})` : ''}: ${r.reason}`);
  }
  return `${lines.join('\n')}\n`;
}
