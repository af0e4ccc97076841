/**
 * Field schemas of the accounts requests (seed 001), shared by its routes' schemas, as factories: a
 * schema built at module scope would be built at every cold start of every accounts function, used or not.
 */
import * as z from 'zod/mini';
import { ACCOUNT_KINDS } from '../../../shared/domain/account-scope.js';
import { MONTH_PATTERN } from '../../../shared/domain/accounts/period.js';
import { isValidDate, TIME_PATTERN } from '../../../shared/domain/dates.js';
import { majorAmount, partyRef, queryInt } from '../../../shared/http/validation.js';
import { PERIOD_SCOPES } from '../../../shared/ledger/accounts/period-scope.js';

/**
 * An optional body field that also takes JSON `null` as absent (issue 13 item 5: the original's
 * clients send `"time": null`, `"ventanaId": null`…): parsed as `undefined`, so nothing downstream
 * tells the two apart.
 */
export const nullAsAbsent = <T>(schema: z.ZodMiniType<T>) =>
  z.pipe(z.optional(z.nullable(schema)), z.transform((value: T | null | undefined): T | undefined => value ?? undefined));

export const dateField = () => z.string().check(z.refine(isValidDate, 'Must be a valid date (YYYY-MM-DD)'));
export const timeField = () => z.string().check(z.regex(TIME_PATTERN, 'Must be a time HH:MM (24 h)'));
/** The dimension of a body (null as absent) and of a query string: Caja's id of the entity, or its externalId. */
export const dimensionFields = () => ({ bancaId: nullAsAbsent(partyRef()), ventanaId: nullAsAbsent(partyRef()), vendedorId: nullAsAbsent(partyRef()) });
export const dimensionQuery = () => ({ bancaId: z.optional(partyRef()), ventanaId: z.optional(partyRef()), vendedorId: z.optional(partyRef()) });
export const money = (rule: 'positive' | 'non-negative') =>
  majorAmount(
    z.number('Must be a number').check(rule === 'positive' ? z.gt(0, 'Must be greater than 0') : z.gte(0, 'Must not be negative')),
    "Major units of the tenant's currency",
  );

/** `?page=&pageSize=` of the payment lists: pages from 1, 20 items by default, at most 100. */
export const pageFields = () => ({
  page: queryInt({ min: 1, max: 1_000_000, default: 1 }),
  pageSize: queryInt({ min: 1, max: 100, default: 20 }),
});

/** A period's fields (issue 13 item 9): the statement's and the export's (item 11). */
export const periodFields = (date = dateField()) => ({
  month: z.optional(z.string().check(z.regex(MONTH_PATTERN, 'Must be a month YYYY-MM'))),
  fromDate: z.optional(date),
  toDate: z.optional(date),
  dimension: z.optional(z.enum(ACCOUNT_KINDS, `Must be one of ${ACCOUNT_KINDS.join(', ')}`)),
  scope: z.optional(z.enum(PERIOD_SCOPES, `Must be one of ${PERIOD_SCOPES.join(', ')}`)),
  sort: z.optional(z.enum(['asc', 'desc'], 'Must be asc or desc')),
  ...dimensionQuery(),
});
