/** Account statements (seed 001): one entity's day, with the running balance carried from earlier days. */
import type { Principal } from '../../auth/principal.js';
import type { AccountKind, Dimensions } from '../../domain/account-scope.js';
import { localDateTime } from '../../domain/dates.js';
import type { Currency } from '../../domain/money.js';
import { type StatementFigures, statementFor } from '../../domain/statements.js';
import { auditEntry, writeAudit } from '../../store/audit.js';
import { readBack } from '../../store/faults.js';
import { type StatementDay, statementThrough } from '../../store/statement-days.js';
import { tenantSettings } from '../../store/tenants.js';
import type { UseCaseContext } from '../context.js';
import { type AccountEntity, assertNotFuture, dimensionOf, loadEntity, requireActor } from './access.js';

export const ACCOUNT_ACTIONS = {
  create: 'ACCOUNT_PAYMENT_CREATE',
  reverse: 'ACCOUNT_PAYMENT_REVERSE',
  statementView: 'ACCOUNT_STATEMENT_VIEW',
  historyView: 'ACCOUNT_PAYMENT_HISTORY_VIEW',
  activitySet: 'ACCOUNT_ACTIVITY_SET',
  openingBalanceSet: 'ACCOUNT_OPENING_BALANCE_SET',
} as const;

/** The canonical statement of one entity's day. */
export interface AccountStatement {
  entity: { kind: AccountKind; id: string; name: string | null; externalId?: string };
  currency: Currency;
  figures: StatementFigures & { day?: StatementDay; accumulatedBalance: number };
}

export async function readAccountStatement(tenant: string, entity: AccountEntity, date: string, currency: Currency): Promise<AccountStatement> {
  const { day, remainingBalance, accumulatedBalance } = await statementThrough(tenant, entity.id, date);
  return {
    entity: { kind: entity.kind, id: entity.id, name: entity.party.name, ...(entity.party.externalId !== undefined ? { externalId: entity.party.externalId } : {}) },
    currency,
    figures: { ...statementFor(day ? [day] : [], date), remainingBalance, accumulatedBalance },
  };
}

/**
 * The statement after a committed write; `null` when the store cannot be read right now: the write
 * stands, and answering it as a failure would make the client retry it.
 */
export function readAccountStatementAfterWrite(ctx: UseCaseContext, ...args: Parameters<typeof readAccountStatement>): Promise<AccountStatement | null> {
  return readBack(() => readAccountStatement(...args), (error) => ctx.log?.warn('statement read-back failed after commit', { error: String(error) }));
}

/** A view's activity entry, written on its own (there is no change to go with it). */
export async function recordView(
  principal: Principal,
  action: string,
  entityType: 'STATEMENT' | 'PAYMENT_HISTORY',
  entity: AccountEntity,
  details: Record<string, unknown>,
  at: string,
): Promise<void> {
  await writeAudit(principal.tenant, auditEntry(principal, action, entityType, entity.id, { details: { entityKind: entity.kind, ...details } }, at));
}

/** The day's statement (all zeros but the carried remaining balance on a day without activity); the view is audited. */
export async function getAccountStatement(ctx: UseCaseContext, query: Dimensions & { date?: string | undefined }): Promise<AccountStatement> {
  const { principal } = ctx;
  const { tenant } = principal;
  const now = ctx.now ?? new Date();
  const actor = requireActor(principal, 'read');
  const dim = dimensionOf(query, actor);
  const { timeZone, currency } = await tenantSettings(tenant);
  const date = query.date ?? localDateTime(now, timeZone).date;
  assertNotFuture(date, undefined, now, timeZone);
  const entity = await loadEntity(tenant, actor, dim, 'read', false);
  const [statement] = await Promise.all([
    readAccountStatement(tenant, entity, date, currency),
    recordView(principal, ACCOUNT_ACTIONS.statementView, 'STATEMENT', entity, { date }, now.toISOString()),
  ]);
  return statement;
}
