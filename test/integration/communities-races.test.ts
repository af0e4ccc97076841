/**
 * Over-application races on /api/charges (seed 003) against DynamoDB Local: many concurrent payments
 * on one cargo never apply more than it owes and never answer 5xx. On a tenant of its own, in a file
 * of its own: each lost race retries with jittered backoff (tx.ts), so on a loaded machine this takes
 * seconds, and nothing here depends on how long.
 */
import { describe, expect, it } from 'vitest';
import * as createCargo from '../../functions/communities/create-cargo.js';
import * as createPago from '../../functions/communities/create-pago.js';
import * as createCargoResidente from '../../functions/communities/create-cargo-residente.js';
import * as createPagoResidente from '../../functions/communities/create-pago-residente.js';
import * as updatePagoResidente from '../../functions/communities/update-pago-residente.js';
import { charges } from '../../shared/store/charges.js';
import { invoke, newTenant } from '../support/index.js';
import { communityTenant, tenantDate } from '../support/community-fixtures.js';

/** Room for retries under load (the suite's default is 20 s); no assertion is about time. */
const RACE_TIMEOUT_MS = 90_000;

describe('/api/charges races', () => {
  it('never over-applies a cargo under many concurrent payments, and never answers 5xx', async () => {
    const t = newTenant();
    const r = await communityTenant(t);
    const target = (await invoke(createCargo, { method: 'POST', path: `/api/charges/contrato/${r.contract.id}/cargos`, token: r.admin, body: { montoCargo: 100, fechaDePago: tenantDate(-1) } })).body;
    const body = (explicit: boolean) => ({ montoPago: 30, formaDePago: 'efectivo', fechaDePago: tenantDate(0), ...(explicit ? { aplicaciones: [{ cargoComunidadId: target.id, montoAplicado: 30 }] } : {}) });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      invoke(createPago, { method: 'POST', path: `/api/charges/contrato/${r.contract.id}/pagos`, token: r.admin, body: body(i % 2 === 0) })));
    expect(results.every((x) => x.status === 201 || x.status === 409)).toBe(true);
    const stored = await charges.get(t, target.id, true);
    const applied = results.filter((x) => x.status === 201).flatMap((x) => x.body.pagoCargos).reduce((s: number, p: { montoAplicado: number }) => s + p.montoAplicado, 0);
    expect(stored?.paidAmount).toBe(10000);
    expect(applied).toBe(100);
  }, RACE_TIMEOUT_MS);


  it('confirms concurrent resident payments against one cargo without over-applying it: the loser plans again on what is left', async () => {
    const t = newTenant();
    const r = await communityTenant(t);
    const cargo = (await invoke(createCargoResidente, { method: 'POST', path: '/api/CargosResidente', token: r.admin, body: { residentId: r.resident.id, fecha: tenantDate(-3), descripcion: 'Cuota', monto: 100 } })).body;
    const submitted = await Promise.all(Array.from({ length: 4 }, () =>
      invoke(createPagoResidente, { method: 'POST', path: '/api/PagosResidente', token: r.residentToken, body: { fechaPago: tenantDate(0), monto: 40 } })));
    const confirmed = await Promise.all(submitted.map((s) =>
      invoke(updatePagoResidente, { method: 'PUT', path: `/api/PagosResidente/${s.body.id}`, token: r.admin, body: { fechaPago: tenantDate(0), monto: 40, status: 'Aplicado' } })));
    expect(confirmed.map((c) => c.status).every((status) => status === 200 || status === 409), confirmed.map((c) => c.text).join()).toBe(true);
    const applied = confirmed.filter((c) => c.status === 200).flatMap((c) => c.body.aplicaciones).reduce((sum: number, a: { montoAplicado: number }) => sum + a.montoAplicado, 0);
    expect((await charges.get(t, cargo.id, true))?.paidAmount).toBe(applied * 100);
    expect(applied).toBe(100);
  }, RACE_TIMEOUT_MS);
});
