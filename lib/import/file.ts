/**
 * An import file's text as rows of named values (./rows.ts checks them): CSV with a header row
 * (RFC 4180 quoting through csv-parse; each row reported by the line it starts on) or a JSON array
 * of objects with the same keys (reported by item number). Empty values are absent; every value is
 * text, as the columns say (a JSON number or boolean is taken by its JSON text).
 */
import { parse } from 'csv-parse/sync';
import { type CheckedRows, checkRows, COLUMNS, type RejectedRow, type SourceRow } from './rows.js';

export type FileFormat = 'csv' | 'json';

/** The file cannot be read as rows at all (nothing is imported). */
export class ImportFileError extends Error {}

export function formatOf(path: string): FileFormat {
  const extension = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  if (extension === 'csv' || extension === 'json') return extension;
  throw new ImportFileError(`${path}: the file must end in .csv or .json`);
}

export interface SourceRows {
  rows: SourceRow[];
  rejected: RejectedRow[];
}

export function sourceRows(text: string, format: FileFormat): SourceRows {
  return format === 'csv' ? csvRows(text) : jsonRows(text);
}

/** A file's rows, checked and in import order, with every row refused on the way (an ImportFileError when it has no rows to give). */
export function fileRows(text: string, format: FileFormat): CheckedRows {
  const read = sourceRows(text, format);
  const checked = checkRows(read.rows);
  return { rows: checked.rows, rejected: [...read.rejected, ...checked.rejected] };
}

const present = (entries: [string, string][]) => Object.fromEntries(entries.map(([k, v]): [string, string] => [k, v.trim()]).filter(([, v]) => v !== ''));

type CsvRecord = { record: string[]; info: { lines: number; error?: unknown }; raw: string };

function csvRows(text: string): SourceRows {
  let records: CsvRecord[];
  try {
    // One line break (csv-parse counts a CRLF inside quotes as two lines): notes keep theirs as \n.
    const lines = text.replace(/\r\n?/g, '\n');
    records = parse(lines, { bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: '\n' }) as unknown as CsvRecord[];
  } catch (error) {
    throw new ImportFileError(`not a CSV file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [header, ...body] = records;
  if (!header) throw new ImportFileError('the file is empty: a header row comes first (README "How to import")');
  const columns = header.record.map((name) => name.trim());
  const unknown = columns.filter((name) => !(COLUMNS as readonly string[]).includes(name));
  if (unknown.length > 0 || !columns.includes('record')) {
    throw new ImportFileError(`header (line ${startLine(header)}): ${unknown.length > 0 ? `unknown column ${unknown.join(', ')}` : 'no record column'}; the columns are ${COLUMNS.join(', ')}`);
  }
  const rows: SourceRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const entry of body) {
    const at = `line ${startLine(entry)}`;
    if (entry.record.length > columns.length) {
      rejected.push({ at, record: entry.record[columns.indexOf('record')], reason: `VALIDATION_ERROR: ${entry.record.length} fields where the header has ${columns.length}` });
      continue;
    }
    rows.push({ at, values: present(entry.record.map((value, i) => [columns[i]!, value])) });
  }
  return { rows, rejected };
}

/** The line a record starts on: csv-parse counts to its last line; its raw text holds the blank lines before it and its own line breaks. */
function startLine(entry: CsvRecord): number {
  const own = entry.raw.replace(/^\n+/, '').replace(/\n$/, '');
  return entry.info.lines - (own.match(/\n/g)?.length ?? 0);
}

function jsonRows(text: string): SourceRows {
  let items: unknown;
  try {
    items = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportFileError(`not a JSON file: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(items)) throw new ImportFileError('a JSON import file is an array of rows (README "How to import")');
  const rows: SourceRow[] = [];
  const rejected: RejectedRow[] = [];
  items.forEach((item: unknown, i) => {
    const at = `item ${i + 1}`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      rejected.push({ at, reason: 'VALIDATION_ERROR: Must be an object' });
      return;
    }
    const entries = Object.entries(item).filter(([, value]) => value !== null && value !== undefined);
    const record = typeof (item as { record?: unknown }).record === 'string' ? (item as { record: string }).record : undefined;
    const nested = entries.find(([, value]) => typeof value === 'object');
    if (nested) {
      rejected.push({ at, record, reason: `VALIDATION_ERROR: ${nested[0]}: Must be a string, number or boolean` });
      return;
    }
    rows.push({ at, values: present(entries.map(([key, value]) => [key, String(value)])) });
  });
  return { rows, rejected };
}
