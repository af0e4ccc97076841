/**
 * Resident payments (seed 003 PagosResidente): ledger payments of a resident. A resident submits
 * only its own, always PorConfirmar; nothing is applied until an ADMIN confirms (Aplicado), which
 * applies the amount to that resident's open cargos oldest first in one transaction (conditional
 * writes, as community pagos). Leaving Aplicado (Cancelado, or a deletion) releases the applications;
 * confirming an Aplicado payment again changes nothing, so confirming twice applies once.
 */
import type { Principal } from '../../auth/principal.js';
import type { ResidentPaymentStatus } from '../../domain/community.js';
import { toMinorUnits } from '../../domain/money.js';
import { chargesOfParty, communityPaymentsOfCommunity, communityPaymentsOfParty, communityRecordsOfTenant } from '../../store/access-patterns.js';
import { type ListPage, type PageRequest, readFirst, readPage } from '../../store/paged-lists.js';
import { tenantSettings } from '../../store/tenants.js';
import { optimistic } from '../../store/tx.js';
import { compact, type UseCaseContext } from '../context.js';
import { changeOnce, type Created } from '../create-once.js';
import { Forbidden, Invalid, issue, NotFound } from '../errors.js';
import type { Allocation, Charge, Party, Payment } from '../model.js';
import { changePayment } from '../payments/change-payment.js';
import { type CappedCharges, recordPayment } from '../payments/record-payment.js';
import {
  type AllocationPlanned,
  cappedOn,
  lostChargeRace,
  OPEN_CHARGES_CAP,
  planOldestFirst,
  plannedDraft,
  requireCommunityPayment,
  voidCommunityRecord,
} from './community-payments.js';
import { isAdmin, namesParty, requireCallerResident, requireParty, resolveResidentScope, type ResidentListScope } from './scope.js';
import { parties } from '../../store/parties.js';

export interface ResidentPaymentCommand {
  residenteId?: string | undefined;
  fechaPago: string;
  monto: number;
  status?: ResidentPaymentStatus | undefined;
  concepto?: string | null | undefined;
  urlComprobante?: string | null | undefined;
  nota?: string | null | undefined;
}

/** Plans the amount over the resident's open cargos, oldest first (`current`: what the payment holds now). */
async function planForResident(tenant: string, residentId: string, amount: number, current: readonly Allocation[] = []): Promise<AllocationPlanned> {
  const open = await readFirst<Charge, { partyId: string; kind: 'resident_charge' }>(
    tenant,
    chargesOfParty,
    { partyId: residentId, kind: 'resident_charge' },
    OPEN_CHARGES_CAP,
  );
  return planOldestFirst(amount, open, current);
}

/** The resident a payment is for: a RESIDENT only itself (its own party), an ADMIN any resident of the tenant. */
async function payingResident(principal: Principal, residentId: string | undefined): Promise<Party> {
  if (isAdmin(principal)) {
    if (!residentId) throw new Invalid('Invalid body: residenteId: required', issue('residenteId', 'Required'));
    return requireParty(principal.tenant, 'resident', residentId);
  }
  const self = await requireCallerResident(principal);
  if (residentId !== undefined && !(await namesParty(principal.tenant, 'resident', residentId, self.id))) throw new Forbidden('A resident may submit payments only for themself');
  return self;
}

export async function recordResidentPayment(ctx: UseCaseContext, command: ResidentPaymentCommand, idempotencyKey?: string): Promise<Created<Payment>> {
  const { principal } = ctx;
  const resident = await payingResident(principal, command.residenteId);
  // A resident's own submission always waits for an administrator's confirmation.
  const status: ResidentPaymentStatus = isAdmin(principal) ? (command.status ?? 'PorConfirmar') : 'PorConfirmar';
  const contract = resident.parentId ? await parties.get(principal.tenant, resident.parentId) : undefined;
  const { currency } = await tenantSettings(principal.tenant);
  const amount = toMinorUnits(command.monto, currency, 'monto', 'positive');
  const request = { ...command, residenteId: resident.id, status, monto: amount };
  const draft = compact({
    source: 'communities' as const,
    amount,
    currency,
    date: command.fechaPago,
    method: 'comprobante',
    direction: 'in' as const,
    notes: command.nota ?? undefined,
    payerId: resident.id,
    payerName: resident.name,
    allocations: [],
    community: compact({
      record: 'resident' as const,
      communityId: contract?.parentId ?? '',
      contractId: contract?.id ?? '',
      residentId: resident.id,
      residentNumber: resident.externalId,
      status,
      concepto: command.concepto ?? undefined,
      urlComprobante: command.urlComprobante ?? undefined,
    }),
  });
  return optimistic(lostChargeRace, () =>
    recordPayment(ctx, {
      draft: status === 'Aplicado' ? plannedDraft(draft, () => planForResident(principal.tenant, resident.id, amount)) : draft,
      idempotency: { key: idempotencyKey, scope: 'communities.pago-residente', request },
      audit: { action: status === 'Aplicado' ? 'PAGO_RESIDENTE_CREATE_APPLIED' : 'PAGO_RESIDENTE_CREATE' },
    }),
  );
}

/**
 * PUT (ADMIN): the fields and the status; moving to or from Aplicado applies or releases the money.
 * With an Idempotency-Key, once per key: a retried confirmation answers the first result.
 */
export function updateResidentPayment(ctx: UseCaseContext, id: string, command: ResidentPaymentCommand, idempotencyKey?: string): Promise<Payment> {
  const { principal } = ctx;
  const { tenant } = principal;
  let capped: CappedCharges | undefined;
  return changeOnce(tenant, { key: idempotencyKey, scope: 'communities.pago-residente.update', request: { id, ...command } }, id, (keyRecord) => optimistic(lostChargeRace, () =>
    changePayment(ctx, {
      keyRecord,
      load: () => requireCommunityPayment(tenant, id, 'resident', true),
      decide: async (before) => {
        if (before.deleted) throw new NotFound('Pago');
        const details = before.community!;
        if (command.residenteId !== undefined && !(await namesParty(tenant, 'resident', command.residenteId, details.residentId))) {
          throw new Invalid('Invalid body: residenteId: a payment cannot move to another resident', issue('residenteId', 'Cannot change'));
        }
        const amount = toMinorUnits(command.monto, before.currency, 'monto', 'positive');
        const status = command.status ?? (details.status as ResidentPaymentStatus);
        const keep = status === 'Aplicado' && details.status === 'Aplicado' && amount === before.amount;
        const unchanged =
          status === details.status &&
          amount === before.amount &&
          command.fechaPago === before.date &&
          (command.nota ?? undefined) === before.notes &&
          (command.concepto ?? undefined) === details.concepto &&
          (command.urlComprobante ?? undefined) === details.urlComprobante;
        // Repeating a change (confirming twice) changes nothing: no new version, no second application.
        if (unchanged) return undefined;
        let allocations: Allocation[] = keep ? before.allocations : [];
        capped = undefined;
        if (status === 'Aplicado' && !keep) {
          const planned = await planForResident(tenant, details.residentId!, amount, details.status === 'Aplicado' ? before.allocations : []);
          ({ allocations } = planned);
          capped = cappedOn(planned);
        }
        const { notes: _notes, ...kept } = before;
        return compact({
          ...kept,
          amount,
          date: command.fechaPago,
          notes: command.nota ?? undefined,
          allocations,
          community: compact({
            ...details,
            status,
            concepto: command.concepto ?? undefined,
            urlComprobante: command.urlComprobante ?? undefined,
            updatedBy: principal.sub,
          }),
        });
      },
      capped: () => capped,
      audit: { action: command.status === 'Aplicado' ? 'PAGO_RESIDENTE_CONFIRM' : 'PAGO_RESIDENTE_UPDATE' },
    }),
  ));
}

/** DELETE (ADMIN): soft delete, releasing what it applied, in one audited transaction. */
export const deleteResidentPayment = (ctx: UseCaseContext, id: string, idempotencyKey?: string) =>
  voidCommunityRecord(ctx, id, 'resident', 'PAGO_RESIDENTE_DELETE', idempotencyKey);

/** GET {id}: ADMIN any of the tenant's; a RESIDENT only its own (404 otherwise, deleted ones too). */
export async function getResidentPayment(principal: Principal, id: string): Promise<Payment> {
  const payment = await requireCommunityPayment(principal.tenant, id, 'resident');
  if (payment.deleted) throw new NotFound('Pago');
  if (!isAdmin(principal) && payment.community?.residentId !== principal.party) throw new NotFound('Pago');
  return payment;
}

export async function listResidentPayments(principal: Principal, scope: ResidentListScope, page: PageRequest): Promise<ListPage<Payment>> {
  const { tenant } = principal;
  const record = 'resident' as const;
  const target = await resolveResidentScope(principal, scope);
  if ('residentId' in target) return readPage(tenant, communityPaymentsOfParty, { partyId: target.residentId, record }, page);
  if ('communityId' in target) return readPage(tenant, communityPaymentsOfCommunity, { communityId: target.communityId, record }, page);
  return readPage(tenant, communityRecordsOfTenant, { record }, page);
}
