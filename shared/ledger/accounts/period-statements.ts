/**
 * Period statements (issue 13 item 9): the period from the query (shared/domain/accounts/period.ts),
 * the entities from the scope (./period-scope.ts), each entity's days from its day aggregates
 * (root, year and month nodes: at most 16 small items per entity whatever the history; never a
 * day item or a payment), folded by shared/domain/accounts/period-statements.ts. The view is audited
 * once, on the entity the scope hangs from.
 */
import type { AccountKind, Dimensions } from '../../domain/account-scope.js';
import type { Currency } from '../../domain/money.js';
import { knownId } from '../../domain/parties.js';
import { type PeriodQuery, PeriodError, resolvePeriod } from '../../domain/accounts/period.js';
import { buildPeriodStatements, type DayMeasures, type PeriodSort, type PeriodStatements } from '../../domain/accounts/period-statements.js';
import type { Totals } from '../../store/aggregates/prefix-tree.js';
import { entityDaysBetween } from '../../store/aggregates/account-days.js';
import { auditEntry, writeAudit } from '../../store/audit.js';
import { tenantSettings } from '../../store/tenants.js';
import type { UseCaseContext } from '../context.js';
import { Invalid, issue } from '../errors.js';
import { requireActor } from './access.js';
import { type PeriodScope, resolvePeriodScope } from './period-scope.js';
import { ACCOUNT_ACTIONS } from './statement.js';

export interface PeriodStatementQuery extends Dimensions, PeriodQuery {
  dimension?: AccountKind | undefined;
  scope?: PeriodScope | undefined;
  sort?: PeriodSort | undefined;
}

export interface PeriodStatementsResult extends PeriodStatements {
  currency: Currency;
  dimension: AccountKind;
  /** The one entity the statements are of, when the scope covers exactly one. */
  single?: { id: string; name: string };
}

const measuresOf = (t: Totals): DayMeasures => ({
  totalSales: t.s ?? 0,
  totalPayouts: t.p ?? 0,
  listeroCommission: t.l ?? 0,
  vendedorCommission: t.v ?? 0,
  totalPaid: t.d ?? 0,
  totalCollected: t.k ?? 0,
  net: t.n ?? 0,
  settled: (t.x ?? 0) > 0,
});

const required = (field: string) => new Invalid(`Invalid query: ${field}: Required with a period (month= or date=today|yesterday|week|month|year|range)`, issue(field, 'Required with a period'));

/** The period the query names, or a 400 naming the field (INVALID_PERIOD, PERIOD_TOO_LONG, FUTURE_DATE). */
function periodOf(query: PeriodQuery, now: Date, timeZone: string) {
  try {
    return resolvePeriod(query, now, timeZone);
  } catch (error) {
    if (error instanceof PeriodError) throw new Invalid(`Invalid query: ${error.field}: ${error.message}`, issue(error.field, error.message), error.code);
    throw error;
  }
}

export async function getPeriodStatements(ctx: UseCaseContext, query: PeriodStatementQuery): Promise<PeriodStatementsResult> {
  const { principal } = ctx;
  const { tenant } = principal;
  const now = ctx.now ?? new Date();
  const actor = requireActor(principal, 'read');
  const { dimension, scope } = query;
  if (!dimension) throw required('dimension');
  if (!scope) throw required('scope');
  const { timeZone, currency } = await tenantSettings(tenant);
  const period = periodOf(query, now, timeZone);
  const { entities, anchor } = await resolvePeriodScope(tenant, actor, { ...query, dimension, scope });
  const from = period.startDate < period.monthStartDate ? period.startDate : period.monthStartDate;
  const to = period.endDate > period.monthEndDate ? period.endDate : period.monthEndDate;
  const [stored] = await Promise.all([
    entityDaysBetween(tenant, entities.map((e) => e.id), from, to),
    writeAudit(
      tenant,
      auditEntry(principal, ACCOUNT_ACTIONS.statementView, 'STATEMENT', anchor?.id ?? tenant, {
        details: { dimension, scope, startDate: period.startDate, endDate: period.endDate, entities: entities.length },
      }, now.toISOString()),
    ),
  ]);
  const built = buildPeriodStatements({
    meta: { ...period, dimension },
    currency,
    sort: query.sort ?? 'desc',
    breakdowns: entities.length > 1,
    entities: stored.map((s, i) => ({
      entity: { id: knownId(entities[i]!), name: entities[i]!.name },
      balanceBefore: s.before.n ?? 0,
      days: new Map([...s.days].map(([date, totals]) => [date, measuresOf(totals)])),
    })),
  });
  const only = entities.length === 1 ? entities[0]! : undefined;
  return { ...built, currency, dimension, ...(only ? { single: { id: knownId(only), name: only.name } } : {}) };
}
