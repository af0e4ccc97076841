/** /api/charges (seed 003) handlers against DynamoDB Local: cargos, statements, splits, voids, scope. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as createCargo from '../../functions/communities/create-cargo.js';
import * as createPago from '../../functions/communities/create-pago.js';
import * as createHistory from '../../functions/communities/create-payment-history.js';
import * as deleteCargo from '../../functions/communities/delete-cargo.js';
import * as communityStatement from '../../functions/communities/get-community-statement.js';
import * as contractStatement from '../../functions/communities/get-contract-statement.js';
import * as communityCargos from '../../functions/communities/list-community-cargos.js';
import * as contractCargos from '../../functions/communities/list-contract-cargos.js';
import * as updateCargo from '../../functions/communities/update-cargo.js';
import * as voidPago from '../../functions/communities/void-pago.js';
import * as getLedgerPayment from '../../functions/ledger/get-payment.js';
import { listAudit } from '../../shared/store/audit.js';
import { charges } from '../../shared/store/charges.js';
import { invoke, newTenant, token } from '../support/index.js';
import { createParty } from '../support/ledger-fixtures.js';
import { communityTenant, type CommunityRefs, tenantDate } from '../support/community-fixtures.js';

describe('/api/charges', () => {
  const tenant = newTenant();
  let refs: CommunityRefs;
  const cargo = (body: Record<string, unknown>, contract = refs.contract.id, t = refs.admin) =>
    invoke(createCargo, { method: 'POST', path: `/api/charges/contrato/${contract}/cargos`, token: t, body });
  const pago = (body: Record<string, unknown>, contract = refs.contract.id, headers: Record<string, string> = {}) =>
    invoke(createPago, { method: 'POST', path: `/api/charges/contrato/${contract}/pagos`, token: refs.admin, body, headers });
  const statement = (contract = refs.contract.id, t = refs.admin) => invoke(contractStatement, { path: `/api/charges/contrato/${contract}`, token: t });

  beforeAll(async () => {
    refs = await communityTenant(tenant);
  });

  it('creates a cargo (201) with its derived status, and lists it by contract and community', async () => {
    const created = await cargo({ montoCargo: 50000, fechaDePago: tenantDate(10), montoRecargos: 2500.5, notas: 'Cuota de mantenimiento' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      contratoId: refs.contract.id,
      comunidadId: refs.community.id,
      montoCargo: 50000,
      montoRecargos: 2500.5,
      estatus: 'No vencido',
      notas: 'Cuota de mantenimiento',
      isActive: true,
      montoPagado: 0,
      saldo: 52500.5,
      fechaDePago: `${tenantDate(10)}T00:00:00`,
    });
    const byContract = await invoke(contractCargos, { path: `/api/charges/contrato/${refs.contract.id}/cargos`, token: refs.admin });
    expect(byContract.status).toBe(200);
    expect(byContract.body.map((c: { id: string }) => c.id)).toContain(created.body.id);
    expect(byContract.headers['x-total-count']).toBe(String(byContract.body.length));
    const byCommunity = await invoke(communityCargos, { path: `/api/charges/comunidad/${refs.community.id}/cargos`, token: refs.admin });
    expect(byCommunity.body.map((c: { id: string }) => c.id)).toContain(created.body.id);
    expect((await listAudit(tenant, created.body.id, 10)).items.map((e) => e.action)).toContain('CHARGE_CREATE');
  });

  it('derives the status at the boundaries: due today and yesterday, exact payment, one cent short', async () => {
    const c = refs.otherContract.id;
    const today = (await cargo({ montoCargo: 100, fechaDePago: tenantDate(0) }, c)).body;
    const tomorrow = (await cargo({ montoCargo: 100, fechaDePago: tenantDate(1) }, c)).body;
    const yesterday = (await cargo({ montoCargo: 100, fechaDePago: tenantDate(-1) }, c)).body;
    const exact = (await cargo({ montoCargo: 100, montoRecargos: 0.5, fechaDePago: tenantDate(-30) }, c)).body;
    const short = (await cargo({ montoCargo: 100, montoRecargos: 0.5, fechaDePago: tenantDate(-30) }, c)).body;
    expect([today.estatus, tomorrow.estatus, yesterday.estatus]).toEqual(['vencido', 'No vencido', 'vencido']);
    const paid = await pago({ montoPago: 200.99, formaDePago: 'transferencia', fechaDePago: tenantDate(0), aplicaciones: [
      { cargoComunidadId: exact.id, montoAplicado: 100.5 },
      { cargoComunidadId: short.id, montoAplicado: 100.49 },
    ] }, c);
    expect(paid.status).toBe(201);
    expect(paid.body.montoNoAplicado).toBe(0);
    const cargos = (await invoke(contractCargos, { path: `/api/charges/contrato/${c}/cargos`, token: refs.admin })).body as { id: string; estatus: string; saldo: number }[];
    const byId = new Map(cargos.map((x) => [x.id, x]));
    expect(byId.get(exact.id)).toMatchObject({ estatus: 'pagado', saldo: 0 });
    expect(byId.get(short.id)).toMatchObject({ estatus: 'pago parcial', saldo: 0.01 });
  });

  it('splits explicitly across cargos, atomically with the audit entry; the pago is a ledger payment', async () => {
    const a = (await cargo({ montoCargo: 300, fechaDePago: tenantDate(-5) })).body;
    const b = (await cargo({ montoCargo: 200, fechaDePago: tenantDate(-4) })).body;
    const res = await pago({ montoPago: 450, formaDePago: 'efectivo', fechaDePago: tenantDate(0), aplicaciones: [
      { cargoComunidadId: b.id, montoAplicado: 200 },
      { cargoComunidadId: a.id, montoAplicado: 100 },
    ] });
    expect(res.status).toBe(201);
    expect(res.body.pagoCargos.map((p: { cargosComunidadId: string; montoAplicado: number }) => [p.cargosComunidadId, p.montoAplicado])).toEqual([[b.id, 200], [a.id, 100]]);
    expect(res.body.montoNoAplicado).toBe(150);
    expect((await charges.get(tenant, a.id, true))?.paidAmount).toBe(10000);
    const ledger = await invoke(getLedgerPayment, { path: `/ledger/payments/${res.body.id}`, token: refs.admin });
    expect(ledger.status).toBe(200);
    expect(ledger.body.allocations).toHaveLength(2);
    expect((await listAudit(tenant, res.body.id, 10)).items.map((e) => e.action)).toEqual(['PAGO_CREATE']);
  });

  it('refuses unsound splits and writes nothing: another contract 400, over the payment 400, over the outstanding 409', async () => {
    const mine = (await cargo({ montoCargo: 100, fechaDePago: tenantDate(-3) })).body;
    const theirs = (await cargo({ montoCargo: 100, fechaDePago: tenantDate(-3) }, refs.otherContract.id)).body;
    const base = { formaDePago: 'efectivo', fechaDePago: tenantDate(0) };
    const foreign = await pago({ ...base, montoPago: 50, aplicaciones: [{ cargoComunidadId: theirs.id, montoAplicado: 50 }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ code: 'BAD_REQUEST', traceId: expect.any(String) });
    const overPayment = await pago({ ...base, montoPago: 50, aplicaciones: [{ cargoComunidadId: mine.id, montoAplicado: 60 }] });
    expect(overPayment.status).toBe(400);
    const overCargo = await pago({ ...base, montoPago: 500, aplicaciones: [{ cargoComunidadId: mine.id, montoAplicado: 100.01 }] });
    expect(overCargo.status).toBe(409);
    expect(overCargo.body.code).toBe('INVALID_OPERATION');
    const repeated = await pago({ ...base, montoPago: 500, aplicaciones: [{ cargoComunidadId: mine.id, montoAplicado: 1 }, { cargoComunidadId: mine.id, montoAplicado: 1 }] });
    expect(repeated.status).toBe(400);
    expect((await charges.get(tenant, mine.id, true))?.paidAmount).toBe(0);
    expect((await charges.get(tenant, theirs.id, true))?.paidAmount).toBe(0);
  });

  it('splits automatically oldest due date first; the rest is montoNoAplicado', async () => {
    const t = newTenant();
    const r = await communityTenant(t);
    const make = (montoCargo: number, days: number) =>
      invoke(createCargo, { method: 'POST', path: `/api/charges/contrato/${r.contract.id}/cargos`, token: r.admin, body: { montoCargo, fechaDePago: tenantDate(days) } });
    const newest = (await make(100, -1)).body;
    const oldest = (await make(100, -20)).body;
    const middle = (await make(100, -10)).body;
    const res = await invoke(createPago, { method: 'POST', path: `/api/charges/contrato/${r.contract.id}/pagos`, token: r.admin, body: { montoPago: 150, formaDePago: 'tarjeta', fechaDePago: tenantDate(0) } });
    expect(res.status).toBe(201);
    expect(res.body.pagoCargos.map((p: { cargosComunidadId: string; montoAplicado: number }) => [p.cargosComunidadId, p.montoAplicado])).toEqual([[oldest.id, 100], [middle.id, 50]]);
    const all = await invoke(createPago, { method: 'POST', path: `/api/charges/contrato/${r.contract.id}/pagos`, token: r.admin, body: { montoPago: 1000, formaDePago: 'tarjeta', fechaDePago: tenantDate(0) } });
    expect(all.body.pagoCargos.map((p: { cargosComunidadId: string }) => p.cargosComunidadId)).toEqual([middle.id, newest.id]);
    expect(all.body.montoNoAplicado).toBe(850);
    const st = await invoke(contractStatement, { path: `/api/charges/contrato/${r.contract.id}`, token: r.admin });
    expect(st.body.cargos.every((c: { estatus: string }) => c.estatus === 'pagado')).toBe(true);
    expect(st.body.pagos).toHaveLength(2);
    expect(st.headers['x-total-pagos']).toBe('2');
  });

  it('voids a pago (204): kept inactive, applications released, audited; cargo deletes only when nothing is applied', async () => {
    const c = (await cargo({ montoCargo: 80, fechaDePago: tenantDate(-2) })).body;
    const p = (await pago({ montoPago: 80, formaDePago: 'efectivo', fechaDePago: tenantDate(0), aplicaciones: [{ cargoComunidadId: c.id, montoAplicado: 80 }] })).body;
    expect((await invoke(deleteCargo, { method: 'DELETE', path: `/api/charges/cargos/${c.id}`, token: refs.admin })).status).toBe(409);
    const lowered = await invoke(updateCargo, { method: 'PUT', path: `/api/charges/cargos/${c.id}`, token: refs.admin, body: { montoCargo: 79, fechaDePago: tenantDate(-2) } });
    expect(lowered.status).toBe(409);
    const voided = await invoke(voidPago, { method: 'DELETE', path: `/api/charges/pagos/${p.id}`, token: refs.admin });
    expect(voided.status).toBe(204);
    expect(voided.text).toBe('');
    expect((await charges.get(tenant, c.id, true))?.paidAmount).toBe(0);
    expect((await invoke(voidPago, { method: 'DELETE', path: `/api/charges/pagos/${p.id}`, token: refs.admin })).status).toBe(204);
    expect((await charges.get(tenant, c.id, true))?.paidAmount).toBe(0);
    const st = (await statement()).body;
    expect(st.pagos.find((x: { id: string }) => x.id === p.id)).toMatchObject({ isActive: false, pagoCargos: [], montoNoAplicado: 80 });
    expect((await listAudit(tenant, p.id, 10)).items.map((e) => e.action)).toEqual(['PAGO_VOID', 'PAGO_CREATE']);
    const updated = await invoke(updateCargo, { method: 'PUT', path: `/api/charges/cargos/${c.id}`, token: refs.admin, body: { montoCargo: 79, fechaDePago: tenantDate(5), notas: 'ajuste' } });
    expect(updated.body).toMatchObject({ montoCargo: 79, estatus: 'No vencido', notas: 'ajuste' });
    expect((await invoke(deleteCargo, { method: 'DELETE', path: `/api/charges/cargos/${c.id}`, token: refs.admin })).status).toBe(204);
    expect((await charges.get(tenant, c.id, true))?.voided).toBe(true);
  });

  it('replays a pago with the same Idempotency-Key: one payment, one application', async () => {
    const c = (await cargo({ montoCargo: 40, fechaDePago: tenantDate(-2) })).body;
    const body = { montoPago: 40, formaDePago: 'efectivo', fechaDePago: tenantDate(0), aplicaciones: [{ cargoComunidadId: c.id, montoAplicado: 40 }] };
    const headers = { 'Idempotency-Key': `pago-${c.id}` };
    const [first, second] = await Promise.all([pago(body, refs.contract.id, headers), pago(body, refs.contract.id, headers)]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.id).toBe(second.body.id);
    const third = await pago(body, refs.contract.id, headers);
    expect(third.body.id).toBe(first.body.id);
    expect((await charges.get(tenant, c.id, true))?.paidAmount).toBe(4000);
    expect((await pago({ ...body, montoPago: 41 }, refs.contract.id, headers)).status).toBe(422);
  });

  it('lets a resident read only its own contract: another contract, any community, another tenant → 404; writes → 403', async () => {
    expect((await statement(refs.contract.id, refs.residentToken)).status).toBe(200);
    expect((await statement(refs.otherContract.id, refs.residentToken)).status).toBe(404);
    expect((await invoke(contractCargos, { path: `/api/charges/contrato/${refs.otherContract.id}/cargos`, token: refs.residentToken })).status).toBe(404);
    const community = await invoke(communityStatement, { path: `/api/charges/comunidad/${refs.community.id}`, token: refs.residentToken });
    expect(community.status).toBe(404);
    expect(community.body.code).toBe('NOT_FOUND');
    const created = await cargo({ montoCargo: 1, fechaDePago: tenantDate(0) }, refs.contract.id, refs.residentToken);
    expect(created.status).toBe(403);
    expect(created.body.code).toBe('FORBIDDEN');
    const foreignAdmin = await token({ role: 'ADMIN', tenant: newTenant() });
    expect((await statement(refs.contract.id, foreignAdmin)).status).toBe(404);
    expect((await invoke(communityStatement, { path: `/api/charges/comunidad/${refs.community.id}`, token: foreignAdmin })).status).toBe(404);
    expect((await invoke(communityStatement, { path: `/api/charges/comunidad/${refs.community.id}`, token: refs.admin })).status).toBe(200);
  });

  it('takes a contrato and comunidad by externalId (issue 13 item 13); scope and tenants answer as for Caja ids', async () => {
    const community = await createParty(tenant, 'community', { name: 'Condominio Las Palmas', externalId: 'COM-7' });
    const contract = await createParty(tenant, 'contract', { name: 'Casa 7', parentId: community.id, externalId: 'CTR-7' });
    const created = await cargo({ montoCargo: 700, fechaDePago: tenantDate(-3) }, 'CTR-7');
    expect(created.status).toBe(201);
    // Rendered by the ids the client knows, kept on the cargo when written (no party read on lists).
    expect(created.body).toMatchObject({ contratoId: 'CTR-7', comunidadId: 'COM-7' });
    const listed = await invoke(contractCargos, { path: '/api/charges/contrato/CTR-7/cargos', token: refs.admin });
    expect(listed.status).toBe(200);
    expect(listed.body.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    expect(listed.body[0]).toMatchObject({ contratoId: 'CTR-7', comunidadId: 'COM-7' });
    const byCommunity = await invoke(communityCargos, { path: '/api/charges/comunidad/COM-7/cargos', token: refs.admin });
    expect(byCommunity.body.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    const paid = await pago({ montoPago: 700, formaDePago: 'efectivo', fechaDePago: tenantDate(0) }, 'ctr-7');
    expect(paid.status).toBe(201);
    // A pago renders no contract id; it keeps the same copy, which the ledger API shows.
    const ledgerPago = await invoke(getLedgerPayment, { path: `/ledger/payments/${paid.body.id}`, token: refs.admin });
    expect(ledgerPago.body.externalIds).toEqual({ [contract.id]: 'CTR-7', [community.id]: 'COM-7' });
    const byRef = await statement('CTR-7');
    expect(byRef.status).toBe(200);
    expect(byRef.body.cargos[0]).toMatchObject({ contratoId: 'CTR-7', comunidadId: 'COM-7', saldo: 0 });
    const history = await invoke(createHistory, { method: 'POST', path: '/api/PaymentHistories', token: refs.admin,
      body: { contratoId: contract.id, monto: 5, fechaPago: tenantDate(0), metodoPago: 'efectivo', estadoPago: 'pagado' } });
    expect(history.body).toMatchObject({ contratoId: 'CTR-7' });
    expect(byRef.body).toEqual((await statement(contract.id)).body);
    // A resident of another contract: the same 404 as for Caja's id; its own contract by its externalId reads.
    expect((await statement('CTR-7', refs.residentToken)).status).toBe(404);
    const neighbour = await createParty(tenant, 'resident', { name: 'Ana Solís', parentId: contract.id });
    const neighbourToken = await token({ role: 'RESIDENT', tenant, party: neighbour.id, sub: 'ana' });
    expect((await statement('CTR-7', neighbourToken)).status).toBe(200);
    // Another tenant's externalId names nothing here; neither does an unknown one.
    await createParty(newTenant(), 'contract', { name: 'Casa 9', externalId: 'CTR-9' });
    expect((await invoke(contractCargos, { path: '/api/charges/contrato/CTR-9/cargos', token: refs.admin })).status).toBe(404);
    expect((await cargo({ montoCargo: 1, fechaDePago: tenantDate(0) }, 'CTR-9')).status).toBe(404);
    expect((await invoke(communityCargos, { path: '/api/charges/comunidad/CTR-7/cargos', token: refs.admin })).status).toBe(404);
  });

  it('answers bad input with 400 BAD_REQUEST naming the field, and no token with 401 UNAUTHORIZED', async () => {
    const bad = await cargo({ montoCargo: 10.001, fechaDePago: tenantDate(0) });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'BAD_REQUEST', errors: { montoCargo: [expect.any(String)] } });
    expect((await cargo({ montoCargo: 10, fechaDePago: '2024-02-30' })).status).toBe(400);
    expect((await cargo({ montoCargo: 10, fechaDePago: tenantDate(0), extra: 1 })).status).toBe(400);
    const anonymous = await invoke(contractStatement, { path: `/api/charges/contrato/${refs.contract.id}` });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('UNAUTHORIZED');
    const paged = await invoke(contractCargos, { path: `/api/charges/contrato/${refs.contract.id}/cargos?page=2&pageSize=2`, token: refs.admin });
    expect(paged.status).toBe(200);
    expect(paged.body).toHaveLength(2);
    expect((await invoke(contractCargos, { path: `/api/charges/contrato/${refs.contract.id}/cargos?pageSize=101`, token: refs.admin })).status).toBe(400);
  });
});
