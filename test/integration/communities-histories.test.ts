/** /api/PaymentHistories (seed 003) against DynamoDB Local: CRUD, soft delete, includeInactive, paging, roles. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as create from '../../functions/communities/create-payment-history.js';
import * as remove from '../../functions/communities/delete-payment-history.js';
import * as get from '../../functions/communities/get-payment-history.js';
import * as byContract from '../../functions/communities/list-contract-payment-histories.js';
import * as list from '../../functions/communities/list-payment-histories.js';
import * as update from '../../functions/communities/update-payment-history.js';
import * as getLedgerPayment from '../../functions/ledger/get-payment.js';
import { listAudit } from '../../shared/store/audit.js';
import { invoke, newTenant } from '../support/index.js';
import { communityTenant, type CommunityRefs, tenantDate } from '../support/community-fixtures.js';

describe('/api/PaymentHistories', () => {
  const tenant = newTenant();
  let refs: CommunityRefs;
  const body = (extra: Record<string, unknown> = {}) => ({
    contratoId: refs.contract.id, monto: 45000, fechaPago: tenantDate(0), metodoPago: 'transferencia', referenciaPago: 'TRX-1', estadoPago: 'pagado', notas: 'Cuota', ...extra,
  });
  const ids = (res: { body: { id: string }[] }) => res.body.map((h) => h.id);

  beforeAll(async () => {
    refs = await communityTenant(tenant);
  });

  it('creates (201), reads, updates and soft-deletes (204) a history; inactive ones only with includeInactive=true', async () => {
    const created = await invoke(create, { method: 'POST', path: '/api/PaymentHistories', token: refs.admin, body: body() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ contratoId: refs.contract.id, monto: 45000, metodoPago: 'transferencia', referenciaPago: 'TRX-1', estadoPago: 'pagado', isActive: true });
    const id = created.body.id;
    expect((await invoke(getLedgerPayment, { path: `/ledger/payments/${id}`, token: refs.admin })).status).toBe(200);
    const { contratoId: _c, ...fields } = body({ estadoPago: 'reembolsado', monto: 40000 });
    const updated = await invoke(update, { method: 'PUT', path: `/api/PaymentHistories/${id}`, token: refs.admin, body: fields });
    expect(updated.body).toMatchObject({ estadoPago: 'reembolsado', monto: 40000 });
    expect((await invoke(update, { method: 'PUT', path: `/api/PaymentHistories/${id}`, token: refs.admin, body: body() })).status).toBe(400);
    expect(ids(await invoke(list, { path: '/api/PaymentHistories', token: refs.admin }))).toContain(id);
    expect(ids(await invoke(byContract, { path: `/api/PaymentHistories/contrato/${refs.contract.id}`, token: refs.admin }))).toContain(id);
    expect((await invoke(remove, { method: 'DELETE', path: `/api/PaymentHistories/${id}`, token: refs.admin })).status).toBe(204);
    expect(ids(await invoke(list, { path: '/api/PaymentHistories', token: refs.admin }))).not.toContain(id);
    expect(ids(await invoke(list, { path: '/api/PaymentHistories?includeInactive=false', token: refs.admin }))).not.toContain(id);
    expect(ids(await invoke(byContract, { path: `/api/PaymentHistories/contrato/${refs.contract.id}`, token: refs.admin }))).not.toContain(id);
    const all = await invoke(list, { path: '/api/PaymentHistories?includeInactive=true', token: refs.admin });
    expect(all.body.find((h: { id: string }) => h.id === id)).toMatchObject({ isActive: false });
    expect((await invoke(get, { path: `/api/PaymentHistories/${id}`, token: refs.admin })).body.isActive).toBe(false);
    expect((await invoke(update, { method: 'PUT', path: `/api/PaymentHistories/${id}`, token: refs.admin, body: fields })).status).toBe(404);
    expect((await listAudit(tenant, id, 10)).items.map((e) => e.action)).toEqual(['PAYMENT_HISTORY_DELETE', 'PAYMENT_HISTORY_UPDATE', 'PAYMENT_HISTORY_CREATE']);
  });

  it('pages with ?page=&pageSize= and says the total in X-Total-Count', async () => {
    const t = newTenant();
    const r = await communityTenant(t);
    for (let i = 0; i < 5; i++) {
      await invoke(create, { method: 'POST', path: '/api/PaymentHistories', token: r.admin, body: { contratoId: r.contract.id, monto: i + 1, fechaPago: tenantDate(0), metodoPago: 'efectivo', estadoPago: 'pendiente' } });
    }
    const pages = await Promise.all([1, 2, 3].map((page) => invoke(list, { path: `/api/PaymentHistories?page=${page}&pageSize=2`, token: r.admin })));
    expect(pages.map((p) => p.body.length)).toEqual([2, 2, 1]);
    expect(pages.every((p) => p.headers['x-total-count'] === '5')).toBe(true);
    expect(new Set(pages.flatMap((p) => ids(p))).size).toBe(5);
  });

  it('refuses residents (403), bad enums (400), unknown contracts and other tenants (404)', async () => {
    expect((await invoke(list, { path: '/api/PaymentHistories', token: refs.residentToken })).status).toBe(403);
    const bad = await invoke(create, { method: 'POST', path: '/api/PaymentHistories', token: refs.admin, body: body({ metodoPago: 'bitcoin' }) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('metodoPago');
    expect((await invoke(create, { method: 'POST', path: '/api/PaymentHistories', token: refs.admin, body: body({ contratoId: '999999' }) })).status).toBe(404);
    const other = await communityTenant(newTenant());
    expect((await invoke(create, { method: 'POST', path: '/api/PaymentHistories', token: other.admin, body: body() })).status).toBe(404);
  });
});
