/**
 * The ledger core against DynamoDB Local: one payment applied across several charges (oldest first)
 * in one transaction, and idempotency records written in the format used before canonical results
 * (the rendered first response) still replaying until they expire.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import * as createLedgerParty from '../../functions/ledger/create-party.js';
import * as createWorkOrderPayment from '../../functions/workorders/create-payment.js';
import { allocateOldestFirst } from '../../shared/domain/allocation.js';
import type { Charge } from '../../shared/domain/charges.js';
import { outstanding } from '../../shared/domain/charges.js';
import { newId } from '../../shared/ids.js';
import { DomainError } from '../../shared/ledger/errors.js';
import { recordPayment } from '../../shared/ledger/payments/record-payment.js';
import { listAudit } from '../../shared/store/audit.js';
import { charges } from '../../shared/store/charges.js';
import { db, tableName } from '../../shared/store/client.js';
import { keys } from '../../shared/store/keys.js';
import { getPayment } from '../../shared/store/payments.js';
import { invoke, newTenant, token } from '../support/index.js';
import { createParty, createTenant, pagoBody, workOrderTenant } from '../support/ledger-fixtures.js';
import { created, network, pay, paymentBody, uniqueKey } from './accounts-fixtures.js';

async function charge(tenant: string, partyId: string, amount: number, dueDate: string): Promise<Charge> {
  const at = new Date().toISOString();
  return charges.insert({ tenant, sub: 'fixture' }, {
    id: newId(),
    kind: 'community_charge',
    partyId,
    amount,
    currency: 'PEN',
    paidAmount: 0,
    dueDate,
    voided: false,
    createdAt: at,
    updatedAt: at,
    version: 1,
  });
}

/** Turns a key record into the format written before canonical results: the rendered response. */
async function toLegacyRecord(tenant: string, scope: string, key: string, response: unknown): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.idempotency(tenant, scope, key),
      UpdateExpression: 'REMOVE #result SET #response = :response',
      ExpressionAttributeNames: { '#result': 'result', '#response': 'response' },
      ExpressionAttributeValues: { ':response': response },
      ConditionExpression: 'attribute_exists(#result)',
    }),
  );
}

describe('record payment across several charges', () => {
  const tenant = newTenant();
  const principal = { tenant, sub: 'admin-user', username: 'admin-user', roles: ['ADMIN'] as const };
  let resident: string;

  beforeAll(async () => {
    await createTenant(tenant);
    resident = (await createParty(tenant, 'resident')).id;
  });

  it('applies one payment oldest first to three charges in one transaction, audited', async () => {
    const newest = await charge(tenant, resident, 9_000, '2024-03-05');
    const oldest = await charge(tenant, resident, 10_000, '2024-01-05');
    const middle = await charge(tenant, resident, 7_000, '2024-02-05');
    const plan = allocateOldestFirst(20_000, [newest, oldest, middle].map((c) => ({ id: c.id, outstanding: outstanding(c), dueDate: c.dueDate })));
    expect(plan.allocations).toEqual([
      { chargeId: oldest.id, amount: 10_000 },
      { chargeId: middle.id, amount: 7_000 },
      { chargeId: newest.id, amount: 3_000 },
    ]);
    const result = await recordPayment({ principal }, {
      draft: { source: 'ledger', amount: 20_000, currency: 'PEN', date: '2024-03-10', method: 'transferencia', direction: 'in', payerId: resident, allocations: plan.allocations },
      audit: { action: 'PAYMENT_CREATE' },
    });
    if (result.replayed) throw new Error('not a replay');
    const payment = result.result;
    expect(await getPayment(tenant, payment.id)).toEqual(payment);
    const paid = await Promise.all([oldest, middle, newest].map((c) => charges.get(tenant, c.id)));
    expect(paid.map((c) => c?.paidAmount)).toEqual([10_000, 7_000, 3_000]);
    const audit = await listAudit(tenant, payment.id, 10);
    expect(audit.items.map((e) => e.action)).toEqual(['PAYMENT_CREATE']);
  });

  it('refuses a split larger than the payment with an Invalid, writing nothing', async () => {
    const a = await charge(tenant, resident, 5_000, '2024-01-01');
    const b = await charge(tenant, resident, 5_000, '2024-01-02');
    const attempt = recordPayment({ principal }, {
      draft: {
        source: 'ledger',
        amount: 6_000,
        currency: 'PEN',
        date: '2024-03-10',
        method: 'transferencia',
        direction: 'in',
        allocations: [
          { chargeId: a.id, amount: 4_000 },
          { chargeId: b.id, amount: 4_000 },
        ],
      },
      audit: { action: 'PAYMENT_CREATE' },
    });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ kind: 'invalid', reason: 'ALLOCATION_EXCEEDS_AMOUNT' });
    expect((await charges.get(tenant, a.id))?.paidAmount).toBe(0);
  });
});

describe('idempotency records in the format written before canonical results', () => {
  it('workorders: replays the stored response (201, "Pago ya registrado")', async () => {
    const tenant = newTenant();
    const refs = await workOrderTenant(tenant);
    const admin = await token({ role: 'ADMIN', tenant });
    const headers = { 'idempotency-key': 'wo-legacy-0001' };
    const first = await invoke(createWorkOrderPayment, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs), headers });
    expect(first.status).toBe(201);
    const stored = await getPayment(tenant, String(first.body.data.id));
    await toLegacyRecord(tenant, 'workorders.create-payment', 'wo-legacy-0001', { status: 201, data: { ...stored, payerName: 'Legacy SAC' } });
    const replay = await invoke(createWorkOrderPayment, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs), headers });
    expect(replay.status).toBe(201);
    expect(replay.body.message).toBe('Pago ya registrado');
    expect(replay.body.data).toEqual({ ...first.body.data, clienteNombre: 'Legacy SAC', cliente: { ...first.body.data.cliente, nombre: 'Legacy SAC' } });
  });

  it('accounts: replays the stored payment (200, meta.cached) with the statement as it is now', async () => {
    const n = await network();
    const key = uniqueKey('legacy');
    const first = await created(pay(n.tokens.admin, paymentBody({ ventanaId: n.V1 }, { idempotencyKey: key })));
    await toLegacyRecord(n.tenant, 'accounts.payment', key, { status: 201, data: { payment: { ...first.payment, notes: 'as first answered' } } });
    const replay = await pay(n.tokens.admin, paymentBody({ ventanaId: n.V1 }, { idempotencyKey: key }));
    expect(replay.status).toBe(200);
    expect(replay.body.meta).toEqual({ cached: true });
    expect(replay.body.data.payment).toEqual({ ...first.payment, notes: 'as first answered' });
    expect(replay.body.data.statement).toEqual(first.statement);
  });

  it('ledger: replays the stored response as it was', async () => {
    const tenant = newTenant();
    await createTenant(tenant);
    const admin = await token({ role: 'ADMIN', tenant });
    const headers = { 'idempotency-key': 'party-legacy-0001' };
    const body = { kind: 'client', name: 'Comercial Andina SAC' };
    const first = await invoke(createLedgerParty, { method: 'POST', path: '/ledger/parties', token: admin, body, headers });
    expect(first.status).toBe(201);
    await toLegacyRecord(tenant, 'ledger.party', 'party-legacy-0001', { status: 201, data: { ...first.body, name: 'Legacy name' } });
    const replay = await invoke(createLedgerParty, { method: 'POST', path: '/ledger/parties', token: admin, body, headers });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual({ ...first.body, name: 'Legacy name' });
  });
});
