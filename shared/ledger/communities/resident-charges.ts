/**
 * Resident charges (seed 003 CargosResidente): ledger charges of kind `resident_charge` owed by a
 * resident, with its contract and community. `estatus` is stored only as Activo or Cancelado (void);
 * Pagado and PagoParcial follow the payments applied to it, so a client cannot set them.
 */
import type { Principal } from '../../auth/principal.js';
import type { ResidentChargeStatus } from '../../domain/community.js';
import { toMinorUnits } from '../../domain/money.js';
import { chargesOfCommunity, chargesOfParty, chargesOfTenant } from '../../store/access-patterns.js';
import { charges } from '../../store/charges.js';
import { type ListPage, type PageRequest, readPage } from '../../store/paged-lists.js';
import { parties } from '../../store/parties.js';
import { tenantSettings } from '../../store/tenants.js';
import { type Actor, compact } from '../context.js';
import type { Created } from '../create-once.js';
import { type ChargeSnapshot, createCharge } from '../charges/create-charge.js';
import { voidCharge } from '../charges/update-charge.js';
import { updateEntity } from '../insert-entity.js';
import { Conflict, Invalid, issue, NotFound } from '../errors.js';
import type { Charge, Party } from '../model.js';
import { findPartyByRef } from '../parties/resolve-party.js';
import { isAdmin, namesParty, requireParty, resolveResidentScope, type ResidentListScope } from './scope.js';

export interface ResidentChargeCommand {
  residentId: string;
  fecha: string;
  descripcion: string;
  monto: number;
  estatus?: ResidentChargeStatus | undefined;
}

/** A charge with the resident it belongs to (for residentName and residentNumber). */
export interface ResidentCharge {
  charge: Charge;
  resident: Party | undefined;
}

function storedStatus(estatus: ResidentChargeStatus | undefined): 'Activo' | 'Cancelado' {
  if (estatus === 'Pagado' || estatus === 'PagoParcial') {
    throw new Invalid('Invalid body: estatus: Pagado and PagoParcial follow the payments applied', issue('estatus', 'Pagado and PagoParcial follow the payments applied'));
  }
  return estatus ?? 'Activo';
}

async function amountOf(tenant: string, monto: number) {
  const { currency } = await tenantSettings(tenant);
  return { currency, amount: toMinorUnits(monto, currency, 'monto', 'positive') };
}

export async function createResidentCharge(actor: Actor, command: ResidentChargeCommand, idempotencyKey?: string): Promise<Created<ChargeSnapshot>> {
  const status = storedStatus(command.estatus);
  if (status === 'Cancelado') throw new Invalid('Invalid body: estatus: a new cargo is Activo', issue('estatus', 'A new cargo is Activo'));
  const resident = await requireParty(actor.tenant, 'resident', command.residentId);
  const contract = resident.parentId ? await parties.get(actor.tenant, resident.parentId) : undefined;
  const { currency, amount } = await amountOf(actor.tenant, command.monto);
  return createCharge(
    actor,
    compact({
      kind: 'resident_charge' as const,
      partyId: resident.id,
      contractId: contract?.id,
      communityId: contract?.parentId,
      amount,
      currency,
      issueDate: command.fecha,
      description: command.descripcion,
    }),
    idempotencyKey,
  );
}

async function requireResidentCharge(tenant: string, id: string): Promise<Charge> {
  const charge = await charges.get(tenant, id);
  if (!charge || charge.kind !== 'resident_charge') throw new NotFound('Cargo');
  return charge;
}

/**
 * PUT: date, description, amount and Activo/Cancelado in one audited change (a cancelled cargo stays
 * cancelled: 409; the amount never goes below what is applied, and a cargo with payments applied
 * cannot be cancelled: 409). With an Idempotency-Key, once per key.
 */
export async function updateResidentCharge(actor: Actor, id: string, command: ResidentChargeCommand, idempotencyKey?: string): Promise<Charge> {
  const found = await requireResidentCharge(actor.tenant, id);
  if (!(await namesParty(actor.tenant, 'resident', command.residentId, found.partyId))) throw new Invalid('Invalid body: residentId: a cargo cannot move to another resident', issue('residentId', 'Cannot change'));
  const status = storedStatus(command.estatus);
  const { amount } = await amountOf(actor.tenant, command.monto);
  const cancel = status === 'Cancelado';
  return updateEntity(
    charges,
    actor,
    id,
    'Cargo',
    (before, now) => {
      if (before.voided) throw new Conflict('The cargo is cancelled and can no longer change');
      const paid = before.paidAmount ?? 0;
      if (amount < paid) throw new Conflict(`The amount cannot go below the ${paid} minor units already applied`);
      if (cancel && paid > 0) throw new Conflict('The cargo has payments applied; cancel them first');
      return { ...before, amount, issueDate: command.fecha, description: command.descripcion, ...(cancel ? { voided: true } : {}), updatedAt: now, updatedBy: actor.sub };
    },
    cancel ? 'CHARGE_VOID' : undefined,
    { key: idempotencyKey, scope: 'communities.cargo-residente.update', request: { id, ...command, monto: amount } },
  );
}

/** DELETE: the cargo is cancelled (kept for audit), only while nothing is applied to it (409 otherwise). */
export async function deleteResidentCharge(actor: Actor, id: string, idempotencyKey?: string): Promise<Charge> {
  await requireResidentCharge(actor.tenant, id);
  return voidCharge(actor, id, idempotencyKey);
}

async function withResidents(tenant: string, list: readonly Charge[]): Promise<ResidentCharge[]> {
  const ids = [...new Set(list.map((c) => c.partyId))];
  const found = await parties.getMany(tenant, ids);
  const byId = new Map(found.filter((p): p is Party => p !== undefined).map((p) => [p.id, p]));
  return list.map((charge) => ({ charge, resident: byId.get(charge.partyId) }));
}

async function withResidentsPage(tenant: string, page: ListPage<Charge>): Promise<ListPage<ResidentCharge>> {
  return { items: await withResidents(tenant, page.items), total: page.total };
}

/** The resident a charge belongs to (Caja's id or its externalId), for rendering (undefined if it is gone). */
export const withResident = (tenant: string, residentRef: string) => findPartyByRef(tenant, 'resident', residentRef);

/** GET {id}: ADMIN any of the tenant's; a RESIDENT only its own (404 otherwise). */
export async function getResidentCharge(principal: Principal, id: string): Promise<ResidentCharge> {
  const charge = await requireResidentCharge(principal.tenant, id);
  if (!isAdmin(principal) && charge.partyId !== principal.party) throw new NotFound('Cargo');
  return (await withResidents(principal.tenant, [charge]))[0]!;
}

export async function listResidentCharges(principal: Principal, scope: ResidentListScope, page: PageRequest): Promise<ListPage<ResidentCharge>> {
  const { tenant } = principal;
  const kind = 'resident_charge' as const;
  const target = await resolveResidentScope(principal, scope);
  const found =
    'residentId' in target
      ? await readPage<Charge, { partyId: string; kind: typeof kind }>(tenant, chargesOfParty, { partyId: target.residentId, kind }, page)
      : 'communityId' in target
        ? await readPage<Charge, { communityId: string; kind: typeof kind }>(tenant, chargesOfCommunity, { communityId: target.communityId, kind }, page)
        : await readPage<Charge, { kind?: typeof kind }>(tenant, chargesOfTenant, { kind }, page);
  return withResidentsPage(tenant, found);
}
