/**
 * Property (fast-check, against DynamoDB Local): after any sequence of community payments (explicit
 * or automatic splits), voids, resident submissions, confirmations, cancellations and deletions, each
 * cargo's applied total equals the sum of its live applications, never exceeds what it owes, and
 * matches a brute-force model of oldest-first application.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/principal.js';
import { amountDue, type Charge } from '../../shared/domain/charges.js';
import type { Payment } from '../../shared/domain/payments.js';
import { recordCommunityPayment, voidCommunityPayment } from '../../shared/ledger/communities/community-payments.js';
import { deleteResidentPayment, recordResidentPayment, updateResidentPayment } from '../../shared/ledger/communities/resident-payments.js';
import { newId } from '../../shared/ids.js';
import { charges } from '../../shared/store/charges.js';
import { getPayment } from '../../shared/store/payments.js';
import { createParty, createTenant } from '../support/ledger-fixtures.js';
import { newTenant } from '../support/index.js';

type Op =
  | { op: 'pay'; amount: number; explicit: number | null }
  | { op: 'void'; which: number }
  | { op: 'submit'; amount: number }
  | { op: 'setStatus'; which: number; status: 'Aplicado' | 'Cancelado' | 'PorConfirmar' }
  | { op: 'delete'; which: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('pay' as const), amount: fc.integer({ min: 1, max: 250 }), explicit: fc.option(fc.integer({ min: 0, max: 2 })) }),
  fc.record({ op: fc.constant('void' as const), which: fc.nat(5) }),
  fc.record({ op: fc.constant('submit' as const), amount: fc.integer({ min: 1, max: 250 }) }),
  fc.record({ op: fc.constant('setStatus' as const), which: fc.nat(5), status: fc.constantFrom('Aplicado' as const, 'Cancelado' as const, 'PorConfirmar' as const) }),
  fc.record({ op: fc.constant('delete' as const), which: fc.nat(5) }),
);

const AMOUNTS = [100, 70, 130];

async function world() {
  const tenant = newTenant();
  await createTenant(tenant, { currency: 'CLP', timeZone: 'America/Santiago' });
  const community = await createParty(tenant, 'community');
  const contract = await createParty(tenant, 'contract', { parentId: community.id });
  const resident = await createParty(tenant, 'resident', { parentId: contract.id });
  const now = new Date().toISOString();
  const make = async (kind: 'community_charge' | 'resident_charge', amount: number, i: number): Promise<Charge> =>
    charges.insert({ tenant, sub: 'fixture' }, {
      id: newId(), kind, amount, currency: 'CLP', paidAmount: 0, voided: false, createdAt: now, updatedAt: now, version: 1,
      partyId: kind === 'community_charge' ? contract.id : resident.id, contractId: contract.id, communityId: community.id,
      ...(kind === 'community_charge' ? { dueDate: `2026-0${3 - i}-01` } : { issueDate: `2026-0${3 - i}-01` }),
    });
  const [cargos, residentCargos] = await Promise.all([
    Promise.all(AMOUNTS.map((amount, i) => make('community_charge', amount, i))),
    Promise.all(AMOUNTS.map((amount, i) => make('resident_charge', amount, i))),
  ]);
  const principal: Principal = { tenant, sub: 'prop-admin', username: 'prop-admin', roles: ['ADMIN'] };
  return { tenant, contract, resident, cargos, residentCargos, ctx: { principal } };
}

/** The model: what each charge owes, oldest (earliest date) first, and each payment's applications. */
class Model {
  readonly paid = new Map<string, number>();
  constructor(readonly order: readonly Charge[]) {}
  outstanding = (c: Charge) => amountDue(c) - (this.paid.get(c.id) ?? 0);
  applyOldestFirst(amount: number): [string, number][] {
    const out: [string, number][] = [];
    for (const c of [...this.order].sort((a, b) => (a.dueDate ?? a.issueDate ?? '').localeCompare(b.dueDate ?? b.issueDate ?? ''))) {
      const part = Math.min(amount, this.outstanding(c));
      if (part <= 0) continue;
      out.push([c.id, part]);
      amount -= part;
    }
    this.add(out, 1);
    return out;
  }
  add(parts: readonly (readonly [string, number])[], sign: 1 | -1) {
    for (const [id, part] of parts) this.paid.set(id, (this.paid.get(id) ?? 0) + sign * part);
  }
}

const live = (p: Payment) => (p.status === 'active' ? p.allocations : []);

describe('communities: applied totals equal live applications (property)', () => {
  it('holds after any sequence of payments, confirmations and cancellations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 6 }), async (ops) => {
        const w = await world();
        const communityModel = new Model(w.cargos);
        const residentModel = new Model(w.residentCargos);
        const pagos: { id: string; parts: [string, number][] }[] = [];
        const residentPagos: { id: string; amount: number; status: string; parts: [string, number][]; deleted: boolean }[] = [];
        for (const op of ops) {
          if (op.op === 'pay') {
            const target = op.explicit === null ? undefined : w.cargos[op.explicit]!;
            const part = target ? Math.min(op.amount, communityModel.outstanding(target)) : 0;
            const aplicaciones = target && part > 0 ? [{ cargoComunidadId: target.id, montoAplicado: part }] : undefined;
            const created = await recordCommunityPayment(w.ctx, w.contract.id, { montoPago: op.amount, formaDePago: 'efectivo', fechaDePago: '2026-03-10', ...(aplicaciones ? { aplicaciones } : {}) });
            expect(created.replayed).toBe(false);
            const payment = (created as { result: Payment }).result;
            const parts: [string, number][] = aplicaciones ? [[target!.id, part]] : communityModel.applyOldestFirst(op.amount);
            if (aplicaciones) communityModel.add(parts, 1);
            expect(payment.allocations.map((a) => [a.chargeId, a.amount])).toEqual(parts);
            pagos.push({ id: payment.id, parts });
          } else if (op.op === 'void' && pagos.length > 0) {
            const pago = pagos[op.which % pagos.length]!;
            await voidCommunityPayment(w.ctx, pago.id);
            communityModel.add(pago.parts, -1);
            pago.parts = [];
          } else if (op.op === 'submit') {
            const created = await recordResidentPayment(w.ctx, { residenteId: w.resident.id, fechaPago: '2026-03-10', monto: op.amount });
            residentPagos.push({ id: (created as { result: Payment }).result.id, amount: op.amount, status: 'PorConfirmar', parts: [], deleted: false });
          } else if ((op.op === 'setStatus' || op.op === 'delete') && residentPagos.length > 0) {
            const pago = residentPagos[op.which % residentPagos.length]!;
            if (pago.deleted) continue;
            if (op.op === 'delete') {
              await deleteResidentPayment(w.ctx, pago.id);
              residentModel.add(pago.parts, -1);
              Object.assign(pago, { deleted: true, parts: [] });
              continue;
            }
            const after = await updateResidentPayment(w.ctx, pago.id, { fechaPago: '2026-03-10', monto: pago.amount, status: op.status });
            if (op.status === 'Aplicado' && pago.status !== 'Aplicado') pago.parts = residentModel.applyOldestFirst(pago.amount);
            if (op.status !== 'Aplicado') {
              residentModel.add(pago.parts, -1);
              pago.parts = [];
            }
            pago.status = op.status;
            expect(after.allocations.length === 0 ? [] : live(after).map((a) => [a.chargeId, a.amount])).toEqual(pago.parts);
          }
        }
        const stored = await Promise.all([...pagos, ...residentPagos].map((p) => getPayment(w.tenant, p.id, true)));
        for (const [cargo, model] of [...w.cargos.map((c) => [c, communityModel] as const), ...w.residentCargos.map((c) => [c, residentModel] as const)]) {
          const now = await charges.get(w.tenant, cargo.id, true);
          const liveSum = stored.flatMap((p) => live(p!)).filter((a) => a.chargeId === cargo.id).reduce((s, a) => s + a.amount, 0);
          expect(now!.paidAmount).toBe(liveSum);
          expect(now!.paidAmount).toBe(model.paid.get(cargo.id) ?? 0);
          expect(now!.paidAmount).toBeLessThanOrEqual(amountDue(now!));
        }
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
