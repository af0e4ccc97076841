/**
 * Set a day's sales, payouts and commission (SET, not ADD: the last call is the day's figures).
 * Optimistic on the day's activityVersion so the audit entry's `before` is exactly what was
 * replaced; refused on a settled day.
 */
import type { AccountKind, Dimensions } from '../../domain/account-scope.js';
import { type Currency, sumMinor, toMinorUnits } from '../../domain/money.js';
import { type ActivityFigures, splitCommission } from '../../domain/statements.js';
import { auditEntry, putAudit } from '../../store/audit.js';
import { activitySetOnDay } from '../../store/statement-days.js';
import { statementDay, type StatementTarget } from '../../store/statements.js';
import { tenantSettings } from '../../store/tenants.js';
import { optimistic } from '../../store/tx.js';
import type { UseCaseContext } from '../context.js';
import { changeOnce } from '../create-once.js';
import { Invalid, issue } from '../errors.js';
import { transactWithinRunningTotals } from '../running-totals.js';
import { settledDay } from '../payments/statement-effect.js';
import { assertNotFuture, dimensionOf, loadEntity, requireActor } from './access.js';
import { ACCOUNT_ACTIONS, type AccountStatement, readAccountStatementAfterWrite } from './statement.js';

export interface SetActivityCommand extends Dimensions {
  date: string;
  /** Major units of the tenant's currency: a JSON number, or decimal text (the import's rows). */
  totalSales: number | string;
  totalPayouts: number | string;
  /** The sum of the two below when they are given (else split by the entity's kind: splitCommission). */
  commission?: number | string | undefined;
  listeroCommission?: number | string | undefined;
  vendedorCommission?: number | string | undefined;
  ticketCount?: number | undefined;
  idempotencyKey?: string | undefined;
}

/** The day's figures in minor units; `commission` and its split must agree (400 naming commission). */
export function activityFigures(command: SetActivityCommand, kind: AccountKind, currency: Currency): ActivityFigures {
  const minor = (field: 'totalSales' | 'totalPayouts' | 'commission' | 'listeroCommission' | 'vendedorCommission') => {
    const value = command[field];
    return value === undefined ? undefined : toMinorUnits(value, currency, field);
  };
  const [commission, listero, vendedor] = [minor('commission'), minor('listeroCommission'), minor('vendedorCommission')];
  let split: { listeroCommission: number; vendedorCommission: number };
  if (listero === undefined && vendedor === undefined) {
    if (commission === undefined) {
      throw new Invalid('Invalid body: commission: Required (or listeroCommission and vendedorCommission)', issue('commission', 'Required, or listeroCommission and vendedorCommission'));
    }
    split = splitCommission(kind, commission);
  } else {
    split = { listeroCommission: listero ?? 0, vendedorCommission: vendedor ?? 0 };
    const sum = sumMinor([split.listeroCommission, split.vendedorCommission]);
    if (commission !== undefined && commission !== sum) {
      throw new Invalid(
        'Invalid body: commission: Must equal listeroCommission + vendedorCommission',
        issue('commission', 'Must equal listeroCommission + vendedorCommission'),
      );
    }
  }
  return {
    totalSales: minor('totalSales')!,
    totalPayouts: minor('totalPayouts')!,
    commission: sumMinor([split.listeroCommission, split.vendedorCommission]),
    ...split,
    ticketCount: command.ticketCount ?? 0,
  };
}

export async function setActivity(ctx: UseCaseContext, command: SetActivityCommand): Promise<AccountStatement | null> {
  const { principal } = ctx;
  const { tenant } = principal;
  const now = ctx.now ?? new Date();
  const actor = requireActor(principal, 'write');
  const dim = dimensionOf(command, actor);
  const { timeZone, currency } = await tenantSettings(tenant);
  assertNotFuture(command.date, undefined, now, timeZone);
  const figures = activityFigures(command, dim.kind, currency);
  const entity = await loadEntity(tenant, actor, dim, 'write', false);
  const target: StatementTarget = { tenant, entityId: entity.id, entityKind: entity.kind, date: command.date };

  const idempotency = { key: command.idempotencyKey, scope: 'accounts.activity', request: { ...target, figures } };
  // Settled meanwhile (answered on the next read) or set concurrently: read again.
  await changeOnce(tenant, idempotency, entity.id, (keyRecord) => optimistic('statement', async () => {
    const current = await statementDay(tenant, entity.id, command.date, true);
    if (current?.isSaldado) throw settledDay();
    const before: ActivityFigures = {
      totalSales: current?.totalSales ?? 0,
      totalPayouts: current?.totalPayouts ?? 0,
      commission: current?.commission ?? 0,
      listeroCommission: current?.listeroCommission ?? 0,
      vendedorCommission: current?.vendedorCommission ?? 0,
      ticketCount: current?.ticketCount ?? 0,
    };
    const at = new Date().toISOString();
    const details = { entityKind: entity.kind, date: command.date };
    await transactWithinRunningTotals([
      ...activitySetOnDay(target, figures, before, current?.activityVersion ?? 0, at),
      ['audit', putAudit(tenant, auditEntry(principal, ACCOUNT_ACTIONS.activitySet, 'STATEMENT', entity.id, { before, after: figures, details }, at))],
      ...keyRecord(figures),
    ]);
    return figures;
  }));
  return readAccountStatementAfterWrite(ctx, tenant, entity, command.date, currency);
}
