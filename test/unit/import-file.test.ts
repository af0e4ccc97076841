/** The import file's rows (lib/import/file.ts, rows.ts): CSV quoting, line numbers, row checks, import order. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileRows, formatOf, ImportFileError, sourceRows } from '../../lib/import/file.js';
import { progressTo } from '../../lib/import/progress.js';

const HEADER = 'record,id,kind,name,externalId,parent,entity,date,time,amount,type,method,notes,isFinal';
const csv = (...lines: string[]) => sorted(fileRows([HEADER, ...lines].join('\r\n'), 'csv'));
/** Rejections by line (the file's own checks and the rows' come in two passes). */
function sorted(checked: ReturnType<typeof fileRows>) {
  return { rows: checked.rows, rejected: checked.rejected.sort((a, b) => a.at.localeCompare(b.at, 'en', { numeric: true })) };
}

describe('CSV', () => {
  it('reads quoted fields (commas, doubled quotes, line breaks) and reports each row by the line it starts on', () => {
    const { rows, rejected } = csv(
      'party,,banca,"Banca Central, S.A.",banca-001,,,,,,,,,',
      'payment,p-1,vendedor,,,,vend-7,2024-03-15,14:30,1500.50,payment,cash,"Pago ""parcial""',
      'del día",true',
      '',
      'payment,,vendedor,,,,vend-7,2024-03-16,,12,collection,transfer,,',
      'payment,,ventana,,,,v-1,2024-13-01,,12,payment,cash,,',
    );
    expect(rows).toEqual([
      { record: 'party', at: 'line 2', kind: 'banca', name: 'Banca Central, S.A.', externalId: 'banca-001' },
      {
        record: 'payment', at: 'line 3', rowKey: 'p-1', entity: { kind: 'vendedor', ref: 'vend-7' }, date: '2024-03-15', time: '14:30',
        amount: '1500.50', type: 'payment', method: 'cash', notes: 'Pago "parcial"\ndel día', isFinal: true,
      },
      {
        record: 'payment', at: 'line 6', rowKey: expect.stringMatching(/^[0-9a-f]{40}\.1$/), entity: { kind: 'vendedor', ref: 'vend-7' },
        date: '2024-03-16', amount: '12', type: 'collection', method: 'transfer', isFinal: false,
      },
    ]);
    expect(rejected).toEqual([{ at: 'line 7', record: 'payment', reason: 'VALIDATION_ERROR: date: Must be a valid date (YYYY-MM-DD)' }]);
  });

  it('refuses bad rows with their line and reason, and keeps the good ones', () => {
    const { rows, rejected } = csv(
      'party,,ventana,Ventana Norte,ventana-001,banca-001',
      'party,,ventana,,ventana-002,banca-001',
      'refund,,,,,,,,,,,,,',
      'opening_balance,,ventana,,,,ventana-001,2024-03-01,,-1250.5',
      'opening_balance,,ventana,Extra,,,ventana-001,2024-03-01,,10',
      'payment,,ventana,,,,ventana-001,2024-03-02,,0.00,payment,cash',
      'payment,,ventana,,,,ventana-001,2024-03-02,,1.5,payment,cash,,yes',
      'payment,,ventana,,,,ventana-001,2024-03-02,,1.5,payment,cash,,,surplus',
      'opening_balance,,ventana,,,,ventana-001,2024-04-01,,7',
      'party,,ventana,Otra,VENTANA-001,banca-001',
    );
    expect(rows.map((r) => r.at)).toEqual(['line 2', 'line 5']);
    expect(rejected).toEqual([
      { at: 'line 3', record: 'party', reason: 'VALIDATION_ERROR: name: Required' },
      { at: 'line 4', record: 'refund', reason: 'VALIDATION_ERROR: record: Must be one of party, opening_balance, activity, payment' },
      { at: 'line 6', record: 'opening_balance', reason: 'VALIDATION_ERROR: name: Not a column of a opening_balance row' },
      { at: 'line 7', record: 'payment', reason: 'VALIDATION_ERROR: amount: Must be greater than 0' },
      { at: 'line 8', record: 'payment', reason: 'VALIDATION_ERROR: isFinal: Must be true or false' },
      { at: 'line 9', record: 'payment', reason: 'VALIDATION_ERROR: 15 fields where the header has 14' },
      { at: 'line 10', record: 'opening_balance', reason: 'VALIDATION_ERROR: duplicate of the row at line 5' },
      { at: 'line 11', record: 'party', reason: 'VALIDATION_ERROR: duplicate of the row at line 2' },
    ]);
  });

  it('activity rows: the day figures in major units, checked like the API; one per entity and day; imported before payments', () => {
    const { rows, rejected } = fileRows(
      [
        'record,kind,entity,date,totalSales,totalPayouts,commission,listeroCommission,vendedorCommission,amount,type,method',
        'payment,vendedor,vend-7,2024-03-15,,,,,,12,payment,cash',
        'activity,vendedor,vend-7,2024-03-15,500.00,250,17.5,,,,,',
        'activity,ventana,ventana-001,2024-03-15,500,250,,10,7.5,,,',
        'activity,vendedor,vend-7,2024-03-15,1,1,0,,,,,',
        'activity,vendedor,vend-7,2024-03-16,-5,1,0,,,,,',
        'activity,vendedor,vend-7,2024-03-17,5,1,0,,,3,,',
      ].join('\n'),
      'csv',
    );
    expect(rows.map((r) => `${r.record}:${r.at}`)).toEqual(['activity:line 3', 'activity:line 4', 'payment:line 2']);
    expect(rows[0]).toEqual({
      record: 'activity', at: 'line 3', entity: { kind: 'vendedor', ref: 'vend-7' }, date: '2024-03-15', totalSales: '500.00', totalPayouts: '250', commission: '17.5',
    });
    expect(rejected).toEqual([
      { at: 'line 5', record: 'activity', reason: 'VALIDATION_ERROR: duplicate of the row at line 3' },
      { at: 'line 6', record: 'activity', reason: 'VALIDATION_ERROR: totalSales: Must be a positive decimal such as 1500.25' },
      { at: 'line 7', record: 'activity', reason: 'VALIDATION_ERROR: amount: Not a column of a activity row' },
    ]);
  });

  it('imports parents before children, then opening balances, then payments; equal payments without id stay apart', () => {
    const payment = 'payment,,vendedor,,,,vend-7,2024-03-16,,12,collection,transfer,,';
    const { rows } = csv(
      payment,
      'opening_balance,,vendedor,,,,vend-7,2024-03-01,,5',
      'party,,vendedor,Carlos,vend-7,ventana-001',
      'party,,ventana,Norte,ventana-001,banca-001',
      'party,,banca,Central,banca-001',
      payment,
    );
    expect(rows.map((r) => `${r.record}:${r.at}`)).toEqual(['party:line 6', 'party:line 5', 'party:line 4', 'opening_balance:line 3', 'payment:line 2', 'payment:line 7']);
    const [first, second] = rows.slice(-2) as { rowKey: string }[];
    expect(first!.rowKey.replace(/\.1$/, '.2')).toBe(second!.rowKey);
  });

  it('refuses a file it cannot read as rows: unknown column, unclosed quote, other extension', () => {
    expect(() => sourceRows('record,kind,colour\nparty,banca,red', 'csv')).toThrow(/unknown column colour/);
    expect(() => sourceRows('record,notes\npayment,"never closed\n', 'csv')).toThrow(ImportFileError);
    expect(() => sourceRows('', 'csv')).toThrow(/empty/);
    expect(() => formatOf('data.xlsx')).toThrow(/\.csv or \.json/);
    expect(formatOf('/tmp/Data.JSON')).toBe('json');
  });
});

describe('JSON', () => {
  it('takes an array of rows with the same keys (numbers and booleans by their JSON text) and reports items by number', () => {
    const text = JSON.stringify([
      { record: 'opening_balance', kind: 'banca', entity: 'banca-001', date: '2024-03-01', amount: -99.99 },
      { record: 'payment', id: 'orig-1', kind: 'banca', entity: 'banca-001', date: '2024-03-02', amount: 10, type: 'payment', method: 'cash', isFinal: true, notes: null },
      ['not', 'a', 'row'],
      { record: 'party', kind: 'banca', name: { first: 'x' }, externalId: 'b' },
    ]);
    const { rows, rejected } = sorted(fileRows(text, 'json'));
    expect(rows).toEqual([
      { record: 'opening_balance', at: 'item 1', entity: { kind: 'banca', ref: 'banca-001' }, date: '2024-03-01', amount: '-99.99' },
      { record: 'payment', at: 'item 2', rowKey: 'orig-1', entity: { kind: 'banca', ref: 'banca-001' }, date: '2024-03-02', amount: '10', type: 'payment', method: 'cash', isFinal: true },
    ]);
    expect(rejected).toEqual([
      { at: 'item 3', reason: 'VALIDATION_ERROR: Must be an object' },
      { at: 'item 4', record: 'party', reason: 'VALIDATION_ERROR: name: Must be a string, number or boolean' },
    ]);
    expect(() => sourceRows('{"rows": []}', 'json')).toThrow(/array of rows/);
    expect(() => sourceRows('[{', 'json')).toThrow(/not a JSON file/);
  });
});

it('the README\'s example files are valid', () => {
  const example = (name: string) => fileRows(readFileSync(resolve(import.meta.dirname, '../../examples', name), 'utf8'), formatOf(name));
  const [fromCsv, fromJson] = [example('import.csv'), example('import.json')];
  expect([fromCsv.rejected, fromJson.rejected]).toEqual([[], []]);
  expect(fromCsv.rows.map((r) => r.record)).toEqual(['party', 'party', 'party', 'opening_balance', 'opening_balance', 'activity', 'payment', 'payment']);
  expect(fromJson.rows.map((r) => r.record)).toEqual(['party', 'party', 'opening_balance', 'activity', 'payment']);
});

it('progress: a bar redrawn in place on a terminal, a plain line at every tenth otherwise', () => {
  const counts = { accepted: 1, alreadyImported: 0, rejected: 0 };
  const terminal: string[] = [];
  const onTerminal = progressTo({ isTTY: true, write: (text: string) => terminal.push(text) > 0 });
  onTerminal(0, 2, { ...counts, accepted: 0 });
  onTerminal(2, 2, counts);
  expect(terminal).toEqual([
    `\r[${'.'.repeat(30)}]   0% 0/2 rows (accepted 0, already imported 0, rejected 0)`,
    `\r[${'#'.repeat(30)}] 100% 2/2 rows (accepted 1, already imported 0, rejected 0)\n`,
  ]);
  const piped: string[] = [];
  const onPipe = progressTo({ isTTY: false, write: (text: string) => piped.push(text) > 0 });
  for (let done = 0; done <= 20; done++) onPipe(done, 20, counts);
  expect(piped).toHaveLength(11);
  expect(piped.at(-1)).toBe('import: 20/20 rows (accepted 1, already imported 0, rejected 0)\n');
});

