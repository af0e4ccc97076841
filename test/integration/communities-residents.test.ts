/** /api/CargosResidente and /api/PagosResidente (seed 003) against DynamoDB Local: confirmation applies, isolation. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as createCargo from '../../functions/communities/create-cargo-residente.js';
import * as deleteCargo from '../../functions/communities/delete-cargo-residente.js';
import * as getCargo from '../../functions/communities/get-cargo-residente.js';
import * as listCargos from '../../functions/communities/list-cargos-residente.js';
import * as communityCargos from '../../functions/communities/list-community-cargos-residente.js';
import * as myCargos from '../../functions/communities/list-my-cargos-residente.js';
import * as residentCargos from '../../functions/communities/list-resident-cargos-residente.js';
import * as updateCargo from '../../functions/communities/update-cargo-residente.js';
import * as createPago from '../../functions/communities/create-pago-residente.js';
import * as deletePago from '../../functions/communities/delete-pago-residente.js';
import * as getPago from '../../functions/communities/get-pago-residente.js';
import * as listPagos from '../../functions/communities/list-pagos-residente.js';
import * as communityPagos from '../../functions/communities/list-community-pagos-residente.js';
import * as myPagos from '../../functions/communities/list-my-pagos-residente.js';
import * as residentPagos from '../../functions/communities/list-resident-pagos-residente.js';
import * as updatePago from '../../functions/communities/update-pago-residente.js';
import * as getLedgerPayment from '../../functions/ledger/get-payment.js';
import { listAudit } from '../../shared/store/audit.js';
import { charges } from '../../shared/store/charges.js';
import { invoke, newTenant, signedToken, token } from '../support/index.js';
import { communityTenant, type CommunityRefs, tenantDate } from '../support/community-fixtures.js';

describe('/api/CargosResidente and /api/PagosResidente', () => {
  const tenant = newTenant();
  let refs: CommunityRefs;
  const cargo = (body: Record<string, unknown>, t = refs.admin) => invoke(createCargo, { method: 'POST', path: '/api/CargosResidente', token: t, body });
  const pago = (body: Record<string, unknown>, t = refs.admin) => invoke(createPago, { method: 'POST', path: '/api/PagosResidente', token: t, body });
  const paid = async (id: string) => (await charges.get(tenant, id, true))?.paidAmount ?? 0;

  beforeAll(async () => {
    refs = await communityTenant(tenant);
  });

  it('creates resident cargos (Activo by default) and lists them by tenant, resident, community and /my', async () => {
    const created = await cargo({ residentId: refs.resident.id, fecha: tenantDate(-3), descripcion: 'Agua', monto: 12000 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ residentId: refs.resident.id, residentName: 'María Pérez', residentNumber: 'R-12', descripcion: 'Agua', monto: 12000, estatus: 'Activo', createdByUserId: 'local-admin' });
    const id = created.body.id;
    for (const [module, path] of [
      [listCargos, '/api/CargosResidente'],
      [residentCargos, `/api/CargosResidente/resident/${refs.resident.id}`],
      [communityCargos, `/api/CargosResidente/community/${refs.community.id}`],
    ] as const) {
      const res = await invoke(module, { path, token: refs.admin });
      expect(res.status, path).toBe(200);
      expect(res.body.map((c: { id: string }) => c.id), path).toContain(id);
      expect(Number(res.headers['x-total-count']), path).toBeGreaterThanOrEqual(1);
    }
    const mine = await invoke(myCargos, { path: '/api/CargosResidente/my', token: refs.residentToken });
    expect(mine.body.map((c: { id: string }) => c.id)).toContain(id);
    const theirs = await invoke(myCargos, { path: '/api/CargosResidente/my', token: refs.otherResidentToken });
    expect(theirs.body.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await invoke(getCargo, { path: `/api/CargosResidente/${id}`, token: refs.otherResidentToken })).status).toBe(404);
    expect((await invoke(getCargo, { path: `/api/CargosResidente/${id}`, token: refs.residentToken })).status).toBe(200);
    expect((await cargo({ residentId: refs.resident.id, fecha: tenantDate(0), descripcion: 'x', monto: 1, estatus: 'Pagado' })).status).toBe(400);
    expect((await cargo({ residentId: refs.resident.id, fecha: tenantDate(0), descripcion: 'x', monto: 1 }, refs.residentToken)).status).toBe(403);
  });

  it('a resident submits only for themself and always PorConfirmar; confirming applies oldest first, once; cancelling releases', async () => {
    const t = newTenant();
    const r = await communityTenant(t);
    const make = (fecha: string, monto: number) =>
      invoke(createCargo, { method: 'POST', path: '/api/CargosResidente', token: r.admin, body: { residentId: r.resident.id, fecha, descripcion: 'Cuota', monto } });
    const newer = (await make(tenantDate(-1), 100)).body;
    const older = (await make(tenantDate(-40), 100)).body;
    const submitted = await invoke(createPago, {
      method: 'POST', path: '/api/PagosResidente', token: r.residentToken,
      body: { fechaPago: tenantDate(0), monto: 150, status: 'Aplicado', concepto: 'Cuotas', urlComprobante: 'https://bank.example/r/1' },
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ residenteId: r.resident.id, status: 'PorConfirmar', aplicaciones: [] });
    const forOther = await invoke(createPago, { method: 'POST', path: '/api/PagosResidente', token: r.residentToken, body: { residenteId: r.otherResident.id, fechaPago: tenantDate(0), monto: 1 } });
    expect(forOther.status).toBe(403);
    const id = submitted.body.id;
    const put = (status: string) => invoke(updatePago, {
      method: 'PUT', path: `/api/PagosResidente/${id}`, token: r.admin,
      body: { fechaPago: tenantDate(0), monto: 150, status, concepto: 'Cuotas', urlComprobante: 'https://bank.example/r/1' },
    });
    const [c1, c2] = await Promise.all([put('Aplicado'), put('Aplicado')]);
    expect([c1.status, c2.status]).toEqual([200, 200]);
    expect(c1.body.aplicaciones).toEqual([{ cargoResidenteId: older.id, montoAplicado: 100 }, { cargoResidenteId: newer.id, montoAplicado: 50 }]);
    expect((await charges.get(t, older.id, true))?.paidAmount).toBe(10000);
    expect((await charges.get(t, newer.id, true))?.paidAmount).toBe(5000);
    const statuses = async () => new Map(((await invoke(myCargos, { path: '/api/CargosResidente/my', token: r.residentToken })).body as { id: string; estatus: string }[]).map((c) => [c.id, c.estatus]));
    expect(await statuses()).toEqual(new Map([[older.id, 'Pagado'], [newer.id, 'PagoParcial']]));
    const ledger = await invoke(getLedgerPayment, { path: `/ledger/payments/${id}`, token: r.admin });
    expect(ledger.body.allocations).toHaveLength(2);
    const cancelled = await put('Cancelado');
    expect(cancelled.body).toMatchObject({ status: 'Cancelado', aplicaciones: [] });
    expect((await charges.get(t, older.id, true))?.paidAmount).toBe(0);
    expect(await statuses()).toEqual(new Map([[older.id, 'Activo'], [newer.id, 'Activo']]));
    const actions = (await listAudit(t, id, 10)).items.map((e) => e.action);
    expect(actions.filter((a) => a === 'PAGO_RESIDENTE_CONFIRM')).toHaveLength(1);
  });

  it('an admin may create an Aplicado pago directly; deleting it (204) releases and hides it', async () => {
    const c = (await cargo({ residentId: refs.otherResident.id, fecha: tenantDate(-2), descripcion: 'Luz', monto: 80 })).body;
    const p = await pago({ residenteId: refs.otherResident.id, fechaPago: tenantDate(0), monto: 100, status: 'Aplicado', nota: 'caja' });
    expect(p.status).toBe(201);
    expect(p.body.aplicaciones).toEqual([{ cargoResidenteId: c.id, montoAplicado: 80 }]);
    expect(await paid(c.id)).toBe(8000);
    expect((await invoke(getCargo, { path: `/api/CargosResidente/${c.id}`, token: refs.admin })).body.estatus).toBe('Pagado');
    expect((await invoke(deleteCargo, { method: 'DELETE', path: `/api/CargosResidente/${c.id}`, token: refs.admin })).status).toBe(409);
    expect((await invoke(deletePago, { method: 'DELETE', path: `/api/PagosResidente/${p.body.id}`, token: refs.admin })).status).toBe(204);
    expect(await paid(c.id)).toBe(0);
    expect((await invoke(getPago, { path: `/api/PagosResidente/${p.body.id}`, token: refs.admin })).status).toBe(404);
    expect((await invoke(deleteCargo, { method: 'DELETE', path: `/api/CargosResidente/${c.id}`, token: refs.admin })).status).toBe(204);
    expect((await invoke(getCargo, { path: `/api/CargosResidente/${c.id}`, token: refs.admin })).body.estatus).toBe('Cancelado');
  });

  it('lists pagos by tenant, resident, community and /my; a non-resident on /my gets 400; residents see only their own', async () => {
    const p = (await pago({ residenteId: refs.resident.id, fechaPago: tenantDate(0), monto: 5, concepto: 'Multa' })).body;
    for (const [module, path] of [
      [listPagos, '/api/PagosResidente'],
      [residentPagos, `/api/PagosResidente/resident/${refs.resident.id}`],
      [communityPagos, `/api/PagosResidente/community/${refs.community.id}`],
    ] as const) {
      const res = await invoke(module, { path, token: refs.admin });
      expect(res.body.map((x: { id: string }) => x.id), path).toContain(p.id);
    }
    expect((await invoke(myPagos, { path: '/api/PagosResidente/my', token: refs.residentToken })).body.map((x: { id: string }) => x.id)).toContain(p.id);
    expect((await invoke(myPagos, { path: '/api/PagosResidente/my', token: refs.otherResidentToken })).body.map((x: { id: string }) => x.id)).not.toContain(p.id);
    const notResident = await invoke(myPagos, { path: '/api/PagosResidente/my', token: refs.admin });
    expect(notResident.status).toBe(400);
    expect(notResident.body).toMatchObject({ code: 'BAD_REQUEST', message: 'Usuario no está registrado como residente.' });
    expect((await invoke(getPago, { path: `/api/PagosResidente/${p.id}`, token: refs.otherResidentToken })).status).toBe(404);
    expect((await invoke(getPago, { path: `/api/PagosResidente/${p.id}`, token: refs.residentToken })).status).toBe(200);
    expect((await invoke(listPagos, { path: '/api/PagosResidente', token: refs.residentToken })).status).toBe(403);
    const foreign = await token({ role: 'ADMIN', tenant: newTenant() });
    expect((await invoke(getPago, { path: `/api/PagosResidente/${p.id}`, token: foreign })).status).toBe(404);
  });

  it('requires an https urlComprobante, and accepts ADMIN_COMPANY and SYSTEM_ADMIN groups as ADMIN', async () => {
    const http = await pago({ residenteId: refs.resident.id, fechaPago: tenantDate(0), monto: 5, urlComprobante: 'http://bank.example/r/1' });
    expect(http.status).toBe(400);
    expect(http.body.errors).toHaveProperty('urlComprobante');
    for (const group of ['ADMIN_COMPANY', 'SYSTEM_ADMIN']) {
      const t = await signedToken({ role: 'ADMIN', tenant }, { set: { 'cognito:groups': [group] } });
      expect((await invoke(listPagos, { path: '/api/PagosResidente', token: t })).status, group).toBe(200);
    }
    const unknown = await signedToken({ role: 'ADMIN', tenant }, { set: { 'cognito:groups': ['SUPERUSER'] } });
    expect((await invoke(listPagos, { path: '/api/PagosResidente', token: unknown })).status).toBe(403);
  });

  it('takes a resident by its externalId (issue 13 item 13): residentId stays Caja\'s id, residentNumber the externalId; scope unchanged', async () => {
    const created = await cargo({ residentId: 'R-12', fecha: tenantDate(-2), descripcion: 'Gas', monto: 500 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ residentId: refs.resident.id, residentNumber: 'R-12' });
    const listed = await invoke(residentCargos, { path: '/api/CargosResidente/resident/r-12', token: refs.admin });
    expect(listed.body.map((c: { id: string }) => c.id)).toContain(created.body.id);
    const put = await invoke(updateCargo, { method: 'PUT', path: `/api/CargosResidente/${created.body.id}`, token: refs.admin, body: { residentId: 'R-12', fecha: tenantDate(-2), descripcion: 'Gas', monto: 600 } });
    expect(put.status).toBe(200);
    const own = await pago({ residenteId: 'R-12', fechaPago: tenantDate(0), monto: 1 }, refs.residentToken);
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ residenteId: refs.resident.id, residentNumber: 'R-12' });
    expect((await pago({ residenteId: 'R-14', fechaPago: tenantDate(0), monto: 1 }, refs.residentToken)).status).toBe(403);
    expect((await invoke(residentPagos, { path: '/api/PagosResidente/resident/R-12', token: refs.admin })).body.map((p: { id: string }) => p.id)).toContain(own.body.id);
    const foreign = await token({ role: 'ADMIN', tenant: newTenant() });
    expect((await invoke(residentCargos, { path: '/api/CargosResidente/resident/R-12', token: foreign })).status).toBe(404);
  });

  it('updates a resident cargo; it may be cancelled but never below what is applied', async () => {
    const c = (await cargo({ residentId: refs.resident.id, fecha: tenantDate(-1), descripcion: 'Gas', monto: 30 })).body;
    const put = (body: Record<string, unknown>) => invoke(updateCargo, { method: 'PUT', path: `/api/CargosResidente/${c.id}`, token: refs.admin, body: { residentId: refs.resident.id, fecha: tenantDate(-1), descripcion: 'Gas', ...body } });
    expect((await put({ monto: 35 })).body).toMatchObject({ monto: 35, estatus: 'Activo', updatedByUserId: 'local-admin' });
    expect((await put({ monto: 35, estatus: 'Cancelado' })).body.estatus).toBe('Cancelado');
    expect((await put({ monto: 36 })).status).toBe(409);
  });
});
