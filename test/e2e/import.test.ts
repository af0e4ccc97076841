/**
 * `npm run import` (issue 13 item 14) against the test stack: the example file's parties, opening
 * balances and past payments land through the use cases, the accounts API (real tokens, through
 * the local gateway) shows them, a re-run writes nothing, and a bad row is refused alone.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileRows } from '../../lib/import/file.js';
import { importRows } from '../../lib/import/run.js';
import type { Principal } from '../../shared/auth/principal.js';
import { api, newTenant, stack, token } from '../support/index.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLE = resolve(ROOT, 'examples/import.csv');

const tenant = newTenant();
const operator: Principal = { tenant, sub: 'import:test', username: 'import (test)', roles: ['ADMIN'] };
let admin: string;
/** Caja's ids of the example's parties, by externalId. */
const ids: Record<string, string> = {};

const statementOf = async (query: string, tokenValue = admin) => {
  const res = await api('GET', `/api/v1/accounts/statement?${query}`, { token: tokenValue });
  expect(res.status, res.text).toBe(200);
  return res.body.data as { remainingBalance: number; totalPaid: number; totalCollected: number; isSaldado: boolean };
};

beforeAll(async () => {
  admin = await token({ role: 'ADMIN', tenant, sub: 'e2e-admin' });
});

describe('npm run import', () => {
  it('loads the example file through the use cases; the accounts API carries the balances; a re-run writes nothing', async () => {
    const first = await importRows(operator, fileRows(readFileSync(EXAMPLE, 'utf8'), 'csv'));
    expect(first).toEqual({ total: 8, accepted: 8, alreadyImported: 0, rejected: 0, rejections: [] });

    for (const kind of ['banca', 'ventana', 'vendedor']) {
      const listed = await api('GET', `/ledger/parties?kind=${kind}`, { token: admin });
      for (const p of listed.body.items as { id: string; externalId: string }[]) ids[p.externalId] = p.id;
    }
    expect(Object.keys(ids).sort()).toEqual(['banca-001', 'vendedor-001', 'ventana-001']);
    const ventana = await api('GET', `/ledger/parties/${ids['ventana-001']}`, { token: admin });
    expect(ventana.body).toMatchObject({ parentId: ids['banca-001'], openingBalance: { amount: 132_500, currency: 'CRC', date: '2024-03-01' } });

    // The opening balance is carried from its date on; the payment moves it (for ADMIN and for the ventana itself).
    const V = `ventanaId=${ids['ventana-001']}`;
    expect(await statementOf(`date=2024-02-29&${V}`)).toMatchObject({ remainingBalance: 0 });
    expect(await statementOf(`date=2024-03-01&${V}`)).toMatchObject({ remainingBalance: 1325 });
    const march15 = await statementOf(`date=2024-03-15&${V}`);
    expect(march15).toMatchObject({ totalPaid: 1000, remainingBalance: 325, isSaldado: false });
    // The seed's own reference works as written too (issue 13 item 13).
    expect(await statementOf('date=2024-03-15&ventanaId=ventana-001')).toEqual(march15);
    const ventanaToken = await token({ role: 'VENTANA', tenant, party: ids['ventana-001'], sub: 'e2e-ventana' });
    expect(await statementOf('date=2024-03-15', ventanaToken)).toEqual(march15);
    // The vendedor's day: its activity (500 − 250 − 17.50), then its collection settled it.
    const vendedorDay = await statementOf(`date=2024-03-15&vendedorId=${ids['vendedor-001']}`);
    expect(vendedorDay).toMatchObject({ totalSales: 500, totalPayouts: 250, vendedorCommission: 17.5, totalCollected: 250.5, remainingBalance: 232.5, isSaldado: true });

    const again = await importRows(operator, fileRows(readFileSync(EXAMPLE, 'utf8'), 'csv'));
    expect(again).toEqual({ total: 8, accepted: 0, alreadyImported: 8, rejected: 0, rejections: [] });
    expect(await statementOf(`date=2024-03-15&${V}`)).toEqual(march15);

    // Other figures replace an open day's (SET, as the API does); a settled day's are refused.
    const activity = (date: string, totalSales: string) =>
      JSON.stringify([{ record: 'activity', kind: 'vendedor', entity: 'vendedor-001', date, totalSales, totalPayouts: '0', commission: '0' }]);
    expect(await importRows(operator, fileRows(activity('2024-03-10', '10'), 'json'))).toMatchObject({ accepted: 1 });
    expect(await importRows(operator, fileRows(activity('2024-03-10', '12.50'), 'json'))).toMatchObject({ accepted: 1 });
    expect(await importRows(operator, fileRows(activity('2024-03-10', '12.50'), 'json'))).toMatchObject({ alreadyImported: 1 });
    expect(await statementOf(`date=2024-03-10&vendedorId=${ids['vendedor-001']}`)).toMatchObject({ totalSales: 12.5, remainingBalance: -238 });
    const settled = await importRows(operator, fileRows(activity('2024-03-15', '1'), 'json'));
    expect(settled).toMatchObject({ rejected: 1, rejections: [{ at: 'item 1', record: 'activity', reason: expect.stringMatching(/^STATEMENT_SETTLED: /) }] });
    const history = await api('GET', `/api/v1/accounts/payments?${V}`, { token: admin });
    expect(history.body.meta.total).toBe(1);
    expect((await api('GET', '/ledger/parties?kind=banca', { token: admin })).body.items).toHaveLength(1);
  });

  it('the command refuses the bad rows with their line and reason, imports the others, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caja-import-'));
    const { baseUrl, issuerUrl, clientId, dynamodbEndpoint, tableName } = stack();
    const state = join(dir, 'local.json');
    writeFileSync(state, JSON.stringify({ baseUrl, issuerUrl, clientId, dynamodbEndpoint, tableName, pid: process.pid }));
    const file = join(dir, 'more.csv');
    writeFileSync(
      file,
      [
        'record,id,kind,entity,date,amount,type,method',
        'payment,late-1,ventana,ventana-001,2024-03-20,25,payment,cash',
        'payment,late-2,ventana,ventana-999,2024-03-20,25,payment,cash',
        'payment,late-3,ventana,ventana-001,2999-01-01,25,payment,cash',
        'payment,late-4,ventana,ventana-001,2024-03-20,25.001,payment,cash',
        '',
      ].join('\n'),
    );
    const result = await run(resolve(ROOT, 'node_modules/.bin/tsx'), ['bin/import.ts', '--tenant', tenant, '--file', file], {
      cwd: ROOT,
      env: { ...process.env, CAJA_STATE_FILE: state },
    }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect('code' in result && result.code, result.stderr).toBe(1);
    expect(result.stdout).toBe(
      [
        `Imported ${file} into tenant ${tenant} (local (${baseUrl})): 4 rows`,
        '  accepted          1',
        '  already imported  0',
        '  rejected          3',
        'Rejected rows:',
        '  line 3 (payment): NOT_FOUND: Ventana ventana-999 not found',
        '  line 4 (payment): FUTURE_DATE: Date cannot be in the future',
        `  line 5 (payment): VALIDATION_ERROR: Invalid body: amount: Must have at most the decimals of CRC`,
        '',
      ].join('\n'),
    );
    expect(result.stderr).toContain('import: 4/4 rows (accepted 1, already imported 0, rejected 3)');
    expect(await statementOf(`date=2024-03-20&ventanaId=${ids['ventana-001']}`)).toMatchObject({ totalPaid: 25, remainingBalance: 300 });
  });
});
