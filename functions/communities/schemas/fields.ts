/**
 * Field schemas the communities request schemas share (seed 003), as factories: a schema built at
 * module scope would be built at every cold start of every communities function, used or not.
 */
import * as z from 'zod/mini';
import { isValidDate } from '../../../shared/domain/dates.js';
import { majorAmount, partyRef, queryInt } from '../../../shared/http/validation.js';

/** Any id a client got from Caja: decimal digits (parties, charges, payments). */
export const id = () => z.string().check(z.regex(/^[0-9]{1,20}$/, 'Must be an id'));

export const pathOf = <K extends string>(name: K) => z.strictObject({ [name]: id() } as Record<K, ReturnType<typeof id>>);

/** A contrato, comunidad or resident: Caja's id or the party's externalId (issue 13 item 13; resolved by the use case). */
export const partyId = () => partyRef();

export const partyPathOf = <K extends string>(name: K) => z.strictObject({ [name]: partyId() } as Record<K, ReturnType<typeof partyId>>);

const ISO_8601 = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** An ISO 8601 date or date-time; the business date as written (YYYY-MM-DD) is kept. */
export const isoDate = () =>
  z.pipe(
    z.string().check(z.refine((value) => ISO_8601.test(value) && isValidDate(value.slice(0, 10)), 'Must be an ISO 8601 date')),
    z.transform((value: string) => value.slice(0, 10)),
  );

/**
 * An amount as a JSON number in the tenant currency, checked against the currency by the use case
 * (toMinorUnits): its decimals, and at most MAX_AMOUNT_MINOR minor units, a 400 naming the field.
 */
export const amount = () => majorAmount(z.number().check(z.refine(Number.isFinite, 'Must be a number')), "Major units of the tenant's currency");

export const text = (max: number) => z.string().check(z.maxLength(max));

/** `?page=&pageSize=`: pages from 1, at most 100 items each; the total travels in `X-Total-Count`. */
export const pageQuery = () =>
  z.strictObject({
    page: queryInt({ min: 1, max: 1_000_000, default: 1 }),
    pageSize: queryInt({ min: 1, max: 100, default: 50 }),
  });
