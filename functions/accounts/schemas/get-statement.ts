/** Request schemas of accounts/get-statement (named by the route table through its handler). */
import * as z from 'zod/mini';
import { ACCOUNT_KINDS } from '../../../shared/domain/account-scope.js';
import { MONTH_PATTERN, PERIOD_PRESETS } from '../../../shared/domain/accounts/period.js';
import { isValidDate } from '../../../shared/domain/dates.js';
import { PERIOD_SCOPES } from '../../../shared/ledger/accounts/period-scope.js';
import { dateField, dimensionQuery } from './fields.js';

const PRESETS: readonly string[] = PERIOD_PRESETS;

/** A period's fields (issue 13 item 9), shared with the export (item 11). */
export const periodFields = {
  month: z.optional(z.string().check(z.regex(MONTH_PATTERN, 'Must be a month YYYY-MM'))),
  fromDate: z.optional(dateField()),
  toDate: z.optional(dateField()),
  dimension: z.optional(z.enum(ACCOUNT_KINDS, `Must be one of ${ACCOUNT_KINDS.join(', ')}`)),
  scope: z.optional(z.enum(PERIOD_SCOPES, `Must be one of ${PERIOD_SCOPES.join(', ')}`)),
  sort: z.optional(z.enum(['asc', 'desc'], 'Must be asc or desc')),
  ...dimensionQuery(),
};

/**
 * The day form `date=YYYY-MM-DD&(bancaId|ventanaId|vendedorId)=`, or a period (issue 13 item 9):
 * `month=YYYY-MM` or `date=today|yesterday|week|month|year|range` (`fromDate`/`toDate` with range),
 * with `dimension` and `scope` (both required then), optional narrowing ids and `sort`.
 */
export const statementQuery = z.strictObject({
  date: z.optional(
    z.string().check(z.refine((v: string) => isValidDate(v) || PRESETS.includes(v), `Must be a date YYYY-MM-DD or one of ${PERIOD_PRESETS.join(', ')}`)),
  ),
  ...periodFields,
});

export type StatementQuery = z.infer<typeof statementQuery>;

/** Whether the query names a period (else it is the day form). */
export function isPeriodQuery(q: StatementQuery): boolean {
  const { date, bancaId: _b, ventanaId: _v, vendedorId: _s, ...period } = q;
  return (date !== undefined && PRESETS.includes(date)) || Object.values(period).some((value) => value !== undefined);
}

export const schemas = { query: statementQuery };
