/** Payment methods, the canonical payment view, the audit trail and users, through the handler modules. */
import { describe, expect, it } from 'vitest';
import * as createParty from '../../functions/ledger/create-party.js';
import * as createPaymentMethod from '../../functions/ledger/create-payment-method.js';
import * as createUser from '../../functions/ledger/create-user.js';
import * as getPayment from '../../functions/ledger/get-payment.js';
import * as listAudit from '../../functions/ledger/list-audit.js';
import * as listPaymentMethods from '../../functions/ledger/list-payment-methods.js';
import * as updateParty from '../../functions/ledger/update-party.js';
import { DEFAULT_PAYMENT_METHODS } from '../../shared/domain/payment-methods.js';
import type { Payment } from '../../shared/domain/payments.js';
import { newId } from '../../shared/ids.js';
import { allPaymentMethods } from '../../shared/store/payment-methods.js';
import { insertPayment } from '../../shared/store/payments.js';
import { transact } from '../../shared/store/tx.js';
import { invoke, type InvokeResult, newTenant, stack, token } from '../support/index.js';

const adminOf = (tenant: string) => token({ role: 'ADMIN', tenant, sub: `admin-of-${tenant}` });

describe('payment methods', () => {
  it('lists the default catalogue for a tenant that stored none, in code order, paged', async () => {
    const tenant = newTenant();
    const admin = await adminOf(tenant);
    const all = await invoke(listPaymentMethods, { path: '/ledger/payment-methods?limit=100', token: admin });
    expect(all.status).toBe(200);
    expect(all.body.nextCursor).toBeNull();
    expect(all.body.items).toHaveLength(DEFAULT_PAYMENT_METHODS.length);
    expect(all.body.items).toEqual(expect.arrayContaining([{ code: 'BCP', name: 'BCP', dialect: 'workorders' }, { code: 'cash', name: 'Cash', dialect: 'accounts' }]));
    const codes = all.body.items.map((m: { code: string }) => m.code);
    expect(codes).toEqual([...codes].sort());

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: InvokeResult = await invoke(listPaymentMethods, {
        path: `/ledger/payment-methods?limit=5${cursor ? `&cursor=${cursor}` : ''}`,
        token: admin,
      });
      expect(page.body.items.length).toBeLessThanOrEqual(5);
      paged.push(...page.body.items.map((m: { code: string }) => m.code));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(codes);
  });

  it('adds a method next to the defaults, 409 on an existing code, audited', async () => {
    const tenant = newTenant();
    const admin = await adminOf(tenant);
    const post = (body: unknown) => invoke(createPaymentMethod, { method: 'POST', path: '/ledger/payment-methods', token: admin, body });

    expect((await post({ code: 'BCP', name: 'Again' })).status).toBe(409);
    const created = await post({ code: 'YAPE', name: 'Yape' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ code: 'YAPE', name: 'Yape' });
    const withDialect = await post({ code: 'PLIN', name: 'Plin', dialect: 'workorders' });
    expect(withDialect.body).toEqual({ code: 'PLIN', name: 'Plin', dialect: 'workorders' });
    expect((await post({ code: 'YAPE', name: 'Yape 2' })).status).toBe(409);
    expect((await post({ code: 'cash', name: 'Cash 2' })).status).toBe(409);

    const list = await invoke(listPaymentMethods, { path: '/ledger/payment-methods?limit=100', token: admin });
    const codes = list.body.items.map((m: { code: string }) => m.code);
    expect(codes).toHaveLength(DEFAULT_PAYMENT_METHODS.length + 2);
    expect(codes).toEqual(expect.arrayContaining(['YAPE', 'PLIN', 'BCP', 'efectivo', '1']));
    expect((await allPaymentMethods(tenant)).map((m) => m.code).sort()).toEqual([...codes].sort());

    const audit = await invoke(listAudit, { path: '/ledger/audit?entityId=payment-method:YAPE', token: admin });
    expect(audit.body.items).toEqual([
      expect.objectContaining({ action: 'PAYMENT_METHOD_CREATE', entityType: 'PAYMENT_METHOD', after: { code: 'YAPE', name: 'Yape' } }),
    ]);
  });

  it('seeds the defaults once when two first methods race', async () => {
    const tenant = newTenant();
    const admin = await adminOf(tenant);
    const results = await Promise.all(
      ['A1', 'A2', 'A3'].map((code) =>
        invoke(createPaymentMethod, { method: 'POST', path: '/ledger/payment-methods', token: admin, body: { code, name: code } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(await allPaymentMethods(tenant)).toHaveLength(DEFAULT_PAYMENT_METHODS.length + 3);
  });

  it('rejects bad codes and unknown fields', async () => {
    const admin = await adminOf(newTenant());
    for (const body of [{ code: 'a b', name: 'x' }, { code: '', name: 'x' }, { code: 'x' }, { code: 'x', name: 'x', id: 1 }, { code: 'x', name: 'x', dialect: 'bank' }]) {
      const res = await invoke(createPaymentMethod, { method: 'POST', path: '/ledger/payment-methods', token: admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('GET /ledger/payments/{id}', () => {
  it('renders the canonical payment with money objects', async () => {
    const tenant = newTenant();
    const admin = await adminOf(tenant);
    const now = new Date().toISOString();
    const payment: Payment = {
      id: newId(),
      source: 'workorders',
      amount: 15000,
      currency: 'PEN',
      date: '2025-01-10',
      method: 'BCP',
      direction: 'in',
      reference: 'OP-1',
      recordedBy: 'someone',
      allocations: [{ chargeId: '5001', amount: 15000 }],
      status: 'active',
      deleted: false,
      reconciliation: 'reconciled',
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await transact([['payment', insertPayment(tenant, payment)]]);
    const res = await invoke(getPayment, { path: `/ledger/payments/${payment.id}`, token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...payment,
      amount: { amount: 15000, currency: 'PEN' },
      allocations: [{ chargeId: '5001', amount: { amount: 15000, currency: 'PEN' } }],
    });
    expect(res.body).not.toHaveProperty('pk');
    expect(res.body).not.toHaveProperty('gsi1pk');

    const other = await adminOf(newTenant());
    expect((await invoke(getPayment, { path: `/ledger/payments/${payment.id}`, token: other })).status).toBe(404);
    expect((await invoke(getPayment, { path: '/ledger/payments/123', token: admin })).status).toBe(404);
    expect((await invoke(getPayment, { path: '/ledger/payments/abc', token: admin })).status).toBe(400);
  });
});

describe('GET /ledger/audit', () => {
  it('needs an entityId', async () => {
    const admin = await adminOf(newTenant());
    const res = await invoke(listAudit, { path: '/ledger/audit', token: admin });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'entityId' })]);
    expect((await invoke(listAudit, { path: '/ledger/audit?entityId=', token: admin })).status).toBe(400);
  });

  it('lists newest first and pages with a cursor bound to the entity', async () => {
    const tenant = newTenant();
    const admin = await adminOf(tenant);
    const party = (await invoke(createParty, { method: 'POST', path: '/ledger/parties', token: admin, body: { kind: 'client', name: 'v0' } })).body;
    for (let i = 1; i <= 4; i++) {
      const res = await invoke(updateParty, { method: 'PATCH', path: `/ledger/parties/${party.id}`, token: admin, body: { name: `v${i}` } });
      expect(res.status).toBe(200);
    }
    const names: string[] = [];
    let cursor: string | null = null;
    let firstCursor: string | null = null;
    do {
      const page: InvokeResult = await invoke(listAudit, {
        path: `/ledger/audit?entityId=${party.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        token: admin,
      });
      expect(page.status).toBe(200);
      names.push(...page.body.items.map((e: { after: { name: string } }) => e.after.name));
      cursor = page.body.nextCursor;
      firstCursor ??= cursor;
    } while (cursor);
    expect(names).toEqual(['v4', 'v3', 'v2', 'v1', 'v0']);

    const other = (await invoke(createParty, { method: 'POST', path: '/ledger/parties', token: admin, body: { kind: 'client', name: 'o' } })).body;
    const misuse = await invoke(listAudit, { path: `/ledger/audit?entityId=${other.id}&cursor=${firstCursor}`, token: admin });
    expect(misuse.status).toBe(400);
  });
});

describe('POST /ledger/users', () => {
  it('creates a user of the caller tenant in the local issuer, audited', async () => {
    const tenant = newTenant();
    const admin = await adminOf(tenant);
    const employee = (await invoke(createParty, { method: 'POST', path: '/ledger/parties', token: admin, body: { kind: 'employee', name: 'Rosa' } })).body;
    const email = `Rosa.${Date.now()}@Example.com`;
    const res = await invoke(createUser, { method: 'POST', path: '/ledger/users', token: admin, body: { email, role: 'EMPLOYEE', partyId: employee.id } });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toEqual({ sub: expect.any(String), email: email.toLowerCase(), role: 'EMPLOYEE', tenant, partyId: employee.id });

    const users = (await (await fetch(`${stack().issuerUrl}/users`)).json()) as { users: { sub: string; tenant: string; party?: string }[] };
    expect(users.users).toContainEqual(expect.objectContaining({ sub: res.body.sub, tenant, party: employee.id }));

    const audit = await invoke(listAudit, { path: `/ledger/audit?entityId=${res.body.sub}`, token: admin });
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'USER_CREATE', entityType: 'USER', after: res.body })]);

    const again = await invoke(createUser, { method: 'POST', path: '/ledger/users', token: admin, body: { email, role: 'ADMIN' } });
    expect(again.status).toBe(409);
  });

  it('checks the party: of the tenant (404), of the role kind, required for party-scoped roles (400)', async () => {
    const tenant = newTenant();
    const admin = await adminOf(tenant);
    const client = (await invoke(createParty, { method: 'POST', path: '/ledger/parties', token: admin, body: { kind: 'client', name: 'C' } })).body;
    const post = (body: unknown) => invoke(createUser, { method: 'POST', path: '/ledger/users', token: admin, body });
    const email = () => `u${Date.now()}${Math.random().toString(36).slice(2)}@example.com`;
    expect((await post({ email: email(), role: 'EMPLOYEE', partyId: '123456789' })).status).toBe(404);
    expect((await post({ email: email(), role: 'BANCA', partyId: client.id })).status).toBe(400);
    expect((await post({ email: email(), role: 'VENTANA' })).status).toBe(400);
    expect((await post({ email: email(), role: 'ROOT' })).status).toBe(400);
    expect((await post({ email: 'nope', role: 'ADMIN' })).status).toBe(400);
    expect((await post({ email: email(), role: 'ADMIN', tenant: 'other' })).status).toBe(400);
    const adminUser = await post({ email: email(), role: 'ADMIN' });
    expect(adminUser.status).toBe(201);
    expect(adminUser.body.tenant).toBe(tenant);
    expect(adminUser.body).not.toHaveProperty('partyId');
  });
});
