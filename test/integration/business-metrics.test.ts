/** Business metrics as EMF lines (shared/metrics.ts): payments recorded, idempotent replays, 4xx by code, 503s. */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as createPayment from '../../functions/workorders/create-payment.js';
import * as getSettings from '../../functions/ledger/get-settings.js';
import { Unavailable } from '../../shared/ledger/errors.js';
import { invoke, newTenant, token } from '../support/index.js';
import { pagoBody, workOrderTenant, type WorkOrderRefs } from '../support/ledger-fixtures.js';

type Emf = Record<string, unknown> & { _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] } };

let lines: Emf[] = [];
const write = process.stdout.write.bind(process.stdout);

beforeAll(() => {
  process.env.CAJA_METRICS = '1';
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = String(chunk);
    if (text.includes('"_aws"')) lines.push(JSON.parse(text) as Emf);
    else return (write as (c: unknown, ...r: unknown[]) => boolean)(chunk, ...rest);
    return true;
  }) as typeof process.stdout.write);
});
afterAll(() => {
  delete process.env.CAJA_METRICS;
  vi.restoreAllMocks();
});
beforeEach(() => {
  lines = [];
});

const metric = (name: string) => lines.filter((l) => name in l);

describe('business metrics', () => {
  let refs: WorkOrderRefs;
  let admin: string;
  beforeAll(async () => {
    const tenant = newTenant();
    refs = await workOrderTenant(tenant);
    admin = await token({ role: 'ADMIN', tenant });
  });

  it('count a recorded payment once, and its replay under the same Idempotency-Key as a replay', async () => {
    const headers = { 'idempotency-key': `metrics-${Date.now()}` };
    expect((await invoke(createPayment, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs), headers })).status).toBe(201);
    expect((await invoke(createPayment, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs), headers })).status).toBe(201);
    expect(metric('PaymentsRecorded')).toEqual([
      {
        _aws: { Timestamp: expect.any(Number), CloudWatchMetrics: [{ Namespace: 'Caja', Dimensions: [['Api']], Metrics: [{ Name: 'PaymentsRecorded', Unit: 'Count' }] }] },
        Api: 'workorders',
        PaymentsRecorded: 1,
      },
    ]);
    expect(metric('IdempotentReplays')).toHaveLength(1);
    expect(metric('IdempotentReplays')[0]).toMatchObject({ Api: 'workorders', IdempotentReplays: 1 });
  });

  it('count 4xx by their stable code', async () => {
    expect((await invoke(createPayment, { method: 'POST', path: '/api/pagos', token: admin, body: { junk: true } })).status).toBe(400);
    expect((await invoke(getSettings, { path: '/ledger/settings', token: await token({ role: 'EMPLOYEE', tenant: newTenant() }) })).status).toBe(403);
    expect(metric('ClientErrors').map((l) => [l.Api, l.Code, l._aws.CloudWatchMetrics[0]!.Dimensions])).toEqual([
      ['workorders', 'VALIDATION_ERROR', [['Api', 'Code']]],
      ['ledger', 'FORBIDDEN', [['Api', 'Code']]],
    ]);
    expect(metric('PaymentsRecorded')).toEqual([]);
  });

  it('count 503s', async () => {
    const failing = async () => {
      throw new Unavailable();
    };
    const { handler } = await import('../../shared/dialects/ledger/endpoint.js').then(({ endpoint }) => ({
      handler: endpoint({ method: 'GET', path: '/ledger/settings', handler: 'ledger/get-settings', roles: ['ADMIN'], store: ['read'] }, { handle: failing }),
    }));
    expect((await invoke(handler, { path: '/ledger/settings', token: admin })).status).toBe(503);
    expect(metric('StoreUnavailable')).toEqual([expect.objectContaining({ Api: 'ledger', StoreUnavailable: 1 })]);
  });
});
