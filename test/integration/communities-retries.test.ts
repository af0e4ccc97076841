/**
 * The communities API under issue 12 (against DynamoDB Local): every PUT and DELETE takes an
 * `Idempotency-Key` (a retry after an unknown outcome answers the first result and changes nothing
 * again; the same key with another request is a 422), amount fields stop at the documented maximum
 * (400 naming the field), and a running total is bounded where it is written (422 in the
 * communities envelope, nothing written).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as createCargo from '../../functions/communities/create-cargo.js';
import * as createPago from '../../functions/communities/create-pago.js';
import * as deleteCargo from '../../functions/communities/delete-cargo.js';
import * as contractStatement from '../../functions/communities/get-contract-statement.js';
import * as updateCargo from '../../functions/communities/update-cargo.js';
import * as voidPago from '../../functions/communities/void-pago.js';
import * as createCargoResidente from '../../functions/communities/create-cargo-residente.js';
import * as updateCargoResidente from '../../functions/communities/update-cargo-residente.js';
import * as deleteCargoResidente from '../../functions/communities/delete-cargo-residente.js';
import * as createPagoResidente from '../../functions/communities/create-pago-residente.js';
import * as updatePagoResidente from '../../functions/communities/update-pago-residente.js';
import * as deletePagoResidente from '../../functions/communities/delete-pago-residente.js';
import * as createHistory from '../../functions/communities/create-payment-history.js';
import * as updateHistory from '../../functions/communities/update-payment-history.js';
import * as deleteHistory from '../../functions/communities/delete-payment-history.js';
import { MAX_AMOUNT_MINOR, MAX_TOTAL_MINOR } from '../../shared/domain/money.js';
import { listAudit } from '../../shared/store/audit.js';
import { charges } from '../../shared/store/charges.js';
import { getPayment } from '../../shared/store/payments.js';
import { invoke, type InvokeOptions, newTenant } from '../support/index.js';
import { communityTenant, type CommunityRefs, tenantDate } from '../support/community-fixtures.js';

type Handler = Parameters<typeof invoke>[0];
let keys = 0;
const newKey = () => `communities-retry-${Date.now()}-${++keys}`;
/** 10^13 minor units in major units of CRC (two decimals), and one minor unit more. */
const MAX_MAJOR = MAX_AMOUNT_MINOR / 100;
const PAST_MAJOR = Number('100000000000.01');

describe('communities: retries, money limits', () => {
  const tenant = newTenant();
  let refs: CommunityRefs;
  const call = (handler: Handler, options: InvokeOptions, key?: string) =>
    invoke(handler, { ...options, token: options.token ?? refs.admin, headers: { ...options.headers, ...(key ? { 'Idempotency-Key': key } : {}) } });
  const actions = async (id: string) => (await listAudit(tenant, id, 20)).items.map((e) => e.action);
  const newCargo = async (montoCargo = 100) => {
    const res = await call(createCargo, { method: 'POST', path: `/api/charges/contrato/${refs.contract.id}/cargos`, body: { montoCargo, fechaDePago: tenantDate(-3) } });
    expect(res.status, res.text).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    refs = await communityTenant(tenant);
  });

  it('PUT a cargo: a retry answers the first result and does not undo a later change; another body under the key is a 422', async () => {
    const id = await newCargo();
    const key = newKey();
    const put = (montoCargo: number, k?: string) => call(updateCargo, { method: 'PUT', path: `/api/charges/cargos/${id}`, body: { montoCargo, fechaDePago: tenantDate(-3) } }, k);
    const first = await put(120, key);
    expect(first.status, first.text).toBe(200);
    expect((await put(130)).status).toBe(200);
    const retry = await put(120, key);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect((await charges.get(tenant, id, true))?.amount).toBe(13000);
    const other = await put(140, key);
    expect(other.status, other.text).toBe(422);
    expect(other.body.code).toBe('INVALID_OPERATION');
    expect((await charges.get(tenant, id, true))?.amount).toBe(13000);
    expect((await actions(id)).filter((a) => a !== 'CHARGE_CREATE')).toHaveLength(2);
  });

  it('DELETE a cargo and void a pago: a retry answers 204 again, one change each', async () => {
    const cargo = await newCargo();
    const key = newKey();
    for (let i = 0; i < 2; i++) expect((await call(deleteCargo, { method: 'DELETE', path: `/api/charges/cargos/${cargo}` }, key)).status).toBe(204);
    expect((await actions(cargo)).filter((a) => a === 'CHARGE_VOID')).toHaveLength(1);

    const applied = await newCargo(50);
    const pago = await call(createPago, { method: 'POST', path: `/api/charges/contrato/${refs.contract.id}/pagos`, body: { montoPago: 50, formaDePago: 'efectivo', fechaDePago: tenantDate(0), aplicaciones: [{ cargoComunidadId: applied, montoAplicado: 50 }] } });
    expect(pago.status, pago.text).toBe(201);
    const voidKey = newKey();
    for (let i = 0; i < 2; i++) expect((await call(voidPago, { method: 'DELETE', path: `/api/charges/pagos/${pago.body.id}` }, voidKey)).status).toBe(204);
    expect(await actions(pago.body.id)).toEqual(['PAGO_VOID', 'PAGO_CREATE']);
    expect((await charges.get(tenant, applied, true))?.paidAmount).toBe(0);
  });

  it('PUT and DELETE a resident cargo: once per key; cancelling through PUT is one audited change', async () => {
    const created = await call(createCargoResidente, { method: 'POST', path: '/api/CargosResidente', body: { residentId: refs.resident.id, fecha: tenantDate(-5), descripcion: 'Agua', monto: 30 } });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id as string;
    const key = newKey();
    const put = (monto: number, estatus: string, k?: string) =>
      call(updateCargoResidente, { method: 'PUT', path: `/api/CargosResidente/${id}`, body: { residentId: refs.resident.id, fecha: tenantDate(-5), descripcion: 'Agua', monto, estatus } }, k);
    const first = await put(35, 'Activo', key);
    expect(first.status, first.text).toBe(200);
    expect((await put(35, 'Activo', key)).body).toEqual(first.body);
    const cancelKey = newKey();
    const cancelled = await put(35, 'Cancelado', cancelKey);
    expect(cancelled.body).toMatchObject({ monto: 35, estatus: 'Cancelado' });
    // The retry answers the cancellation, not "cancelled and can no longer change".
    expect((await put(35, 'Cancelado', cancelKey)).body).toEqual(cancelled.body);
    expect((await put(36, 'Activo')).status).toBe(409);
    expect((await actions(id)).sort()).toEqual(['CHARGE_CREATE', 'CHARGE_UPDATE', 'CHARGE_VOID'].sort());

    const other = (await call(createCargoResidente, { method: 'POST', path: '/api/CargosResidente', body: { residentId: refs.resident.id, fecha: tenantDate(-5), descripcion: 'Gas', monto: 10 } })).body.id as string;
    const deleteKey = newKey();
    for (let i = 0; i < 2; i++) expect((await call(deleteCargoResidente, { method: 'DELETE', path: `/api/CargosResidente/${other}` }, deleteKey)).status).toBe(204);
    expect((await actions(other)).filter((a) => a === 'CHARGE_VOID')).toHaveLength(1);
  });

  it('PUT a resident pago: a retried confirmation answers its first result and applies nothing again after a cancellation', async () => {
    const t = newTenant();
    const r = await communityTenant(t);
    const cargo = await invoke(createCargoResidente, { method: 'POST', path: '/api/CargosResidente', token: r.admin, body: { residentId: r.resident.id, fecha: tenantDate(-5), descripcion: 'Cuota', monto: 100 } });
    const submitted = await invoke(createPagoResidente, { method: 'POST', path: '/api/PagosResidente', token: r.residentToken, body: { fechaPago: tenantDate(0), monto: 60 } });
    expect(submitted.status, submitted.text).toBe(201);
    const id = submitted.body.id as string;
    const put = (status: string, key?: string) =>
      invoke(updatePagoResidente, { method: 'PUT', path: `/api/PagosResidente/${id}`, token: r.admin, body: { fechaPago: tenantDate(0), monto: 60, status }, headers: key ? { 'Idempotency-Key': key } : {} });
    const key = newKey();
    const confirmed = await put('Aplicado', key);
    expect(confirmed.body).toMatchObject({ status: 'Aplicado', aplicaciones: [{ cargoResidenteId: cargo.body.id, montoAplicado: 60 }] });
    expect((await put('Cancelado')).body).toMatchObject({ status: 'Cancelado', aplicaciones: [] });
    const retry = await put('Aplicado', key);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(confirmed.body);
    expect((await getPayment(t, id, true))?.community?.status).toBe('Cancelado');
    expect((await charges.get(t, cargo.body.id, true))?.paidAmount).toBe(0);

    const deleteKey = newKey();
    for (let i = 0; i < 2; i++) {
      const res = await invoke(deletePagoResidente, { method: 'DELETE', path: `/api/PagosResidente/${id}`, token: r.admin, headers: { 'Idempotency-Key': deleteKey } });
      expect(res.status, res.text).toBe(204);
    }
    expect((await listAudit(t, id, 20)).items.filter((e) => e.action === 'PAGO_RESIDENTE_DELETE')).toHaveLength(1);
  });

  it('PUT and DELETE a payment history: once per key', async () => {
    const body = { monto: 45000, fechaPago: tenantDate(0), metodoPago: 'transferencia', estadoPago: 'pendiente' };
    const created = await call(createHistory, { method: 'POST', path: '/api/PaymentHistories', body: { contratoId: refs.contract.id, ...body } });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id as string;
    const key = newKey();
    const put = (estadoPago: string, k?: string) => call(updateHistory, { method: 'PUT', path: `/api/PaymentHistories/${id}`, body: { ...body, estadoPago } }, k);
    const first = await put('pagado', key);
    expect(first.body.estadoPago).toBe('pagado');
    expect((await put('cancelado')).body.estadoPago).toBe('cancelado');
    expect((await put('pagado', key)).body).toEqual(first.body);
    expect((await getPayment(tenant, id, true))?.community?.status).toBe('cancelado');
    const deleteKey = newKey();
    for (let i = 0; i < 2; i++) expect((await call(deleteHistory, { method: 'DELETE', path: `/api/PaymentHistories/${id}` }, deleteKey)).status).toBe(204);
    expect((await actions(id)).sort()).toEqual(['PAYMENT_HISTORY_CREATE', 'PAYMENT_HISTORY_DELETE', 'PAYMENT_HISTORY_UPDATE', 'PAYMENT_HISTORY_UPDATE'].sort());
  });

  it('takes amounts up to the documented maximum; past it a 400 naming the field, nothing written', async () => {
    const path = `/api/charges/contrato/${refs.contract.id}/cargos`;
    const at = await call(createCargo, { method: 'POST', path, body: { montoCargo: MAX_MAJOR, fechaDePago: tenantDate(0) } });
    expect(at.status, at.text).toBe(201);
    expect(at.body.montoCargo).toBe(MAX_MAJOR);
    const count = async () => Number((await call(contractStatement, { path: `/api/charges/contrato/${refs.contract.id}` })).headers['x-total-cargos']);
    const before = await count();
    const past: [string, Record<string, unknown>][] = [
      ['montoCargo', { montoCargo: PAST_MAJOR, fechaDePago: tenantDate(0) }],
      ['montoRecargos', { montoCargo: 1, montoRecargos: PAST_MAJOR, fechaDePago: tenantDate(0) }],
    ];
    for (const [field, body] of past) {
      const res = await call(createCargo, { method: 'POST', path, body });
      expect(res.status, res.text).toBe(400);
      expect(res.body).toMatchObject({ code: 'BAD_REQUEST', errors: { [field]: [expect.stringContaining('at most')] } });
    }
    expect(await count()).toBe(before);
    const pago = await call(createPago, { method: 'POST', path: `/api/charges/contrato/${refs.contract.id}/pagos`, body: { montoPago: PAST_MAJOR, formaDePago: 'efectivo', fechaDePago: tenantDate(0) } });
    expect(pago.status).toBe(400);
    expect(pago.body.errors).toHaveProperty('montoPago');
    const submitted = await call(createPagoResidente, { method: 'POST', path: '/api/PagosResidente', token: refs.residentToken, body: { fechaPago: tenantDate(0), monto: PAST_MAJOR } });
    expect(submitted.status).toBe(400);
    expect(submitted.body.errors).toHaveProperty('monto');
  });

  it("bounds a cargo's paid amount where it is written: 422 INVALID_OPERATION in the envelope, nothing written", async () => {
    const t = newTenant();
    const r = await communityTenant(t);
    const created = await invoke(createCargo, { method: 'POST', path: `/api/charges/contrato/${r.contract.id}/cargos`, token: r.admin, body: { montoCargo: 100, fechaDePago: tenantDate(-1) } });
    const cargo = (await charges.get(t, created.body.id, true))!;
    // A cargo stored before the bounds: owing more than 10^15 minor units, paid just under the bound.
    await charges.replace({ tenant: t, sub: 'fixture' }, cargo, { ...cargo, amount: 2 * MAX_TOTAL_MINOR, paidAmount: MAX_TOTAL_MINOR - 5, version: cargo.version + 1 });
    const pay = (montoAplicado: number) =>
      invoke(createPago, {
        method: 'POST', path: `/api/charges/contrato/${r.contract.id}/pagos`, token: r.admin,
        body: { montoPago: montoAplicado, formaDePago: 'efectivo', fechaDePago: tenantDate(0), aplicaciones: [{ cargoComunidadId: cargo.id, montoAplicado }] },
      });
    const refused = await pay(0.1);
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body).toMatchObject({ code: 'INVALID_OPERATION', traceId: expect.any(String) });
    expect((await charges.get(t, cargo.id, true))?.paidAmount).toBe(MAX_TOTAL_MINOR - 5);
    const statement = await invoke(contractStatement, { path: `/api/charges/contrato/${r.contract.id}`, token: r.admin });
    expect(statement.status, statement.text).toBe(200);
    expect(statement.headers['x-total-pagos']).toBe('0');
    const fits = await pay(0.05);
    expect(fits.status, fits.text).toBe(201);
    expect((await charges.get(t, cargo.id, true))?.paidAmount).toBe(MAX_TOTAL_MINOR);
  });
});
