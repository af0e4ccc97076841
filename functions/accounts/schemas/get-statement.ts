/** Request schemas of accounts/get-statement (named by the route table through its handler). */
import * as z from 'zod/mini';
import { PERIOD_PRESETS } from '../../../shared/domain/accounts/period.js';
import { isValidDate } from '../../../shared/domain/dates.js';
import { periodFields } from './fields.js';

const PRESETS: readonly string[] = PERIOD_PRESETS;

/**
 * The day form `date=YYYY-MM-DD&(bancaId|ventanaId|vendedorId)=`, or a period (issue 13 item 9):
 * `month=YYYY-MM` or `date=today|yesterday|week|month|year|range` (`fromDate`/`toDate` with range),
 * with `dimension` and `scope` (both required then), optional narrowing ids and `sort`.
 */
export const statementQuery = z.strictObject({
  date: z.optional(
    z.string().check(z.refine((v: string) => isValidDate(v) || PRESETS.includes(v), `Must be a date YYYY-MM-DD or one of ${PERIOD_PRESETS.join(', ')}`)),
  ),
  ...periodFields(),
});

export type StatementQuery = z.infer<typeof statementQuery>;

/** Whether the query names a period (else it is the day form). */
export function isPeriodQuery(q: StatementQuery): boolean {
  const { date, bancaId: _b, ventanaId: _v, vendedorId: _s, ...period } = q;
  return (date !== undefined && PRESETS.includes(date)) || Object.values(period).some((value) => value !== undefined);
}

export const schemas = { query: statementQuery };
