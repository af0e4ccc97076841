/** The communities API (seed 003) over HTTP through the local gateway, with real tokens: every route and role. */
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.js';
import { api, forgeToken, newTenant, signedToken, token } from '../support/index.js';
import { communityTenant, type CommunityRefs, tenantDate } from '../support/community-fixtures.js';

const COMMUNITY_ROUTES = routes.filter((r) => r.handler.startsWith('communities/'));
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, '123');

describe('communities over HTTP', () => {
  const tenant = newTenant();
  let refs: CommunityRefs;

  beforeAll(async () => {
    refs = await communityTenant(tenant);
  });

  it('answers 401 UNAUTHORIZED in its envelope on every route without a valid token', async () => {
    const forged = forgeToken({ role: 'ADMIN', tenant });
    for (const route of COMMUNITY_ROUTES) {
      for (const t of [undefined, forged]) {
        const res = await api(route.method, concrete(route.path), { ...(t ? { token: t } : {}) });
        expect(res.status, `${route.method} ${route.path}`).toBe(401);
        expect(res.body, `${route.method} ${route.path}`).toMatchObject({ code: 'UNAUTHORIZED', traceId: expect.any(String) });
      }
    }
  });

  it('gives RESIDENT 403 FORBIDDEN on every ADMIN-only route, and an EMPLOYEE 403 everywhere', async () => {
    const employee = await token({ role: 'EMPLOYEE', tenant });
    for (const route of COMMUNITY_ROUTES) {
      const adminOnly = route.roles !== 'public' && !(route.roles as readonly string[]).includes('RESIDENT');
      if (adminOnly) expect((await api(route.method, concrete(route.path), { token: refs.residentToken })).status, route.path).toBe(403);
      const res = await api(route.method, concrete(route.path), { token: employee });
      expect(res.status, route.path).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
  });

  it('walks the demo story: cargos, a split admin payment, a resident submission confirmed by an ADMIN_COMPANY user', async () => {
    const admin = await signedToken({ role: 'ADMIN', tenant, sub: 'company-admin' }, { set: { 'cognito:groups': ['ADMIN_COMPANY'] } });
    const c = refs.contract.id;
    const one = await api('POST', `/api/charges/contrato/${c}/cargos`, { token: admin, body: { montoCargo: 450, montoRecargos: 25, fechaDePago: tenantDate(-30) } });
    const two = await api('POST', `/api/charges/contrato/${c}/cargos`, { token: admin, body: { montoCargo: 450, fechaDePago: tenantDate(5) } });
    expect([one.status, two.status]).toEqual([201, 201]);
    expect([one.body.estatus, two.body.estatus]).toEqual(['vencido', 'No vencido']);
    const pago = await api('POST', `/api/charges/contrato/${c}/pagos`, {
      token: admin,
      headers: { 'Idempotency-Key': 'e2e-community-pago-1' },
      body: { montoPago: 600, formaDePago: 'transferencia', fechaDePago: tenantDate(0), aplicaciones: [{ cargoComunidadId: one.body.id, montoAplicado: 475 }, { cargoComunidadId: two.body.id, montoAplicado: 125 }] },
    });
    expect(pago.status).toBe(201);
    const st = await api('GET', `/api/charges/contrato/${c}`, { token: refs.residentToken });
    expect(st.status).toBe(200);
    expect(st.body.cargos.map((x: { estatus: string }) => x.estatus).sort()).toEqual(['pagado', 'pago parcial']);
    expect(st.body.pagos[0]).toMatchObject({ id: pago.body.id, montoNoAplicado: 0 });
    expect((await api('GET', `/ledger/payments/${pago.body.id}`, { token: await token({ role: 'ADMIN', tenant }) })).body.allocations).toHaveLength(2);

    const cargo = await api('POST', '/api/CargosResidente', { token: admin, body: { residentId: refs.resident.id, fecha: tenantDate(-1), descripcion: 'Agua', monto: 80 } });
    expect(cargo.status).toBe(201);
    const submitted = await api('POST', '/api/PagosResidente', { token: refs.residentToken, body: { fechaPago: tenantDate(0), monto: 80, status: 'Aplicado', urlComprobante: 'https://banco.example/c/1' } });
    expect(submitted.body.status).toBe('PorConfirmar');
    const confirmed = await api('PUT', `/api/PagosResidente/${submitted.body.id}`, { token: admin, body: { fechaPago: tenantDate(0), monto: 80, status: 'Aplicado', urlComprobante: 'https://banco.example/c/1' } });
    expect(confirmed.body.aplicaciones).toEqual([{ cargoResidenteId: cargo.body.id, montoAplicado: 80 }]);
    expect(confirmed.body.updatedByUserId).toBe('company-admin');
    const mine = await api('GET', '/api/CargosResidente/my', { token: refs.residentToken });
    expect(mine.body.find((x: { id: string }) => x.id === cargo.body.id).estatus).toBe('Pagado');
    expect((await api('GET', `/api/PagosResidente/${submitted.body.id}`, { token: refs.otherResidentToken })).status).toBe(404);
    expect((await api('GET', `/api/charges/contrato/${c}`, { token: refs.otherResidentToken })).status).toBe(404);

    const history = await api('POST', '/api/PaymentHistories', { token: admin, body: { contratoId: c, monto: 600, fechaPago: tenantDate(0), metodoPago: 'transferencia', estadoPago: 'pagado' } });
    expect(history.status).toBe(201);
    const deleted = await api('DELETE', `/api/PaymentHistories/${history.body.id}`, { token: admin });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
  });

  it('answers malformed JSON and wrong content types with 400 BAD_REQUEST, never 5xx', async () => {
    const bad = await api('POST', `/api/charges/contrato/${refs.contract.id}/cargos`, { token: refs.admin, rawBody: '{"montoCargo":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_REQUEST');
    const text = await api('POST', '/api/PagosResidente', { token: refs.admin, rawBody: 'x', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('BAD_REQUEST');
  });
});
