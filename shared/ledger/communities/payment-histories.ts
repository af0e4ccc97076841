/**
 * Payment histories (seed 003 PaymentHistories): a contract's payment records, kept as ledger
 * payments applied to no charge, with their method, reference and state. Deleting one is soft: it
 * leaves the lists unless `includeInactive=true`, and stays readable by id.
 */
import type { Principal } from '../../auth/principal.js';
import type { HistoryState } from '../../domain/community.js';
import { toMinorUnits } from '../../domain/money.js';
import { activeHistoriesOfTenant, communityPaymentsOfParty, communityRecordsOfTenant } from '../../store/access-patterns.js';
import { type ListPage, type PageRequest, readPage } from '../../store/paged-lists.js';
import { tenantSettings } from '../../store/tenants.js';
import { compact, type UseCaseContext } from '../context.js';
import { changeOnce, type Created } from '../create-once.js';
import { NotFound } from '../errors.js';
import type { Payment } from '../model.js';
import { changePayment } from '../payments/change-payment.js';
import { recordPayment } from '../payments/record-payment.js';
import { requireCommunityPayment, voidCommunityRecord } from './community-payments.js';
import { communityOf, knownIdsOfContract, requireParty } from './scope.js';

export interface HistoryCommand {
  monto: number;
  fechaPago: string;
  metodoPago: string;
  referenciaPago?: string | null | undefined;
  estadoPago: HistoryState;
  notas?: string | null | undefined;
}

export async function recordHistory(ctx: UseCaseContext, contractId: string, command: HistoryCommand, idempotencyKey?: string): Promise<Created<Payment>> {
  const { tenant } = ctx.principal;
  const contract = await requireParty(tenant, 'contract', contractId);
  const { currency } = await tenantSettings(tenant);
  const amount = toMinorUnits(command.monto, currency, 'monto', 'positive');
  return recordPayment(ctx, {
    draft: compact({
      source: 'communities' as const,
      amount,
      currency,
      date: command.fechaPago,
      method: command.metodoPago,
      direction: 'in' as const,
      reference: command.referenciaPago ?? undefined,
      notes: command.notas ?? undefined,
      payerId: contract.id,
      payerName: contract.name,
      allocations: [],
      community: { record: 'history' as const, communityId: communityOf(contract), contractId: contract.id, status: command.estadoPago },
      ...(await knownIdsOfContract(tenant, contract)),
    }),
    idempotency: { key: idempotencyKey, scope: 'communities.payment-history', request: { contractId: contract.id, ...command, monto: amount } },
    audit: { action: 'PAYMENT_HISTORY_CREATE' },
  });
}

/** PUT: every field but the contract; a deleted history no longer changes (404). With an Idempotency-Key, once per key. */
export function updateHistory(ctx: UseCaseContext, id: string, command: HistoryCommand, idempotencyKey?: string): Promise<Payment> {
  const { principal } = ctx;
  return changeOnce(principal.tenant, { key: idempotencyKey, scope: 'communities.payment-history.update', request: { id, ...command } }, id, (keyRecord) => changePayment(ctx, {
    keyRecord,
    load: () => requireCommunityPayment(principal.tenant, id, 'history', true),
    decide: (before) => {
      if (before.deleted) throw new NotFound('PaymentHistory');
      const { reference: _reference, notes: _notes, ...kept } = before;
      return compact({
        ...kept,
        amount: toMinorUnits(command.monto, before.currency, 'monto', 'positive'),
        date: command.fechaPago,
        method: command.metodoPago,
        reference: command.referenciaPago ?? undefined,
        notes: command.notas ?? undefined,
        community: { ...before.community!, status: command.estadoPago, updatedBy: principal.sub },
      });
    },
    audit: { action: 'PAYMENT_HISTORY_UPDATE' },
  }));
}

export const deleteHistory = (ctx: UseCaseContext, id: string, idempotencyKey?: string) =>
  voidCommunityRecord(ctx, id, 'history', 'PAYMENT_HISTORY_DELETE', idempotencyKey);

export const getHistory = (principal: Principal, id: string) => requireCommunityPayment(principal.tenant, id, 'history');

export async function listHistories(
  principal: Principal,
  scope: { includeInactive: boolean } | { contractId: string },
  page: PageRequest,
): Promise<ListPage<Payment>> {
  const { tenant } = principal;
  if ('contractId' in scope) {
    const contract = await requireParty(tenant, 'contract', scope.contractId);
    return readPage(tenant, communityPaymentsOfParty, { partyId: contract.id, record: 'history' as const }, page);
  }
  return scope.includeInactive
    ? readPage(tenant, communityRecordsOfTenant, { record: 'history' as const }, page)
    : readPage(tenant, activeHistoriesOfTenant, {}, page);
}
