/**
 * Field schemas of the receivables requests (seed 004). Ids and numbers may come as JSON numbers or
 * numeric strings (the document's own examples send `"total":"256525"`); amounts are read into
 * minor units by the use case, which knows the currency. Factories, not module-scope schemas: each
 * route builds only the schemas it validates with.
 */
import * as z from 'zod/mini';
import { isValidDate } from '../../../shared/domain/dates.js';
import { CURRENCIES, type Currency } from '../../../shared/domain/money.js';
import { majorAmount } from '../../../shared/http/validation.js';

const ID = /^[1-9][0-9]{0,15}$/;

/** An id as a JSON number or a digit string, normalized to a string. */
export const idField = () =>
  z.pipe(
    z.union([z.number().check(z.int(), z.positive()), z.string().check(z.regex(ID, 'Must be a numeric id'))], { error: 'Must be a numeric id' }),
    z.transform((value: number | string) => String(value)),
  ).check(z.refine((value) => Number.isSafeInteger(Number(value)), 'Must be a numeric id'));

/** A number or numeric string, checked against the currency by the use case (greater than 0, at most the documented maximum). */
export const amountField = () =>
  majorAmount(
    z.union([z.number(), z.string().check(z.maxLength(30, 'Must be a number'))], { error: 'Must be a number or a numeric string' }),
    "Major units of the payment's currency, greater than 0",
  );

export const dateField = () => z.string().check(z.refine(isValidDate, 'Must be a date YYYY-MM-DD'));
export const currencyField = () => z.enum(CURRENCIES as [Currency, ...Currency[]], { error: `Must be one of ${CURRENCIES.join(', ')}` });
const text255 = () => z.string().check(z.maxLength(255, 'At most 255 characters'));

/** What createPayment and createPaymentByTaxId share besides the client and its documents. */
export const paymentFields = (amount = amountField(), text = text255()) => ({
  total: amount,
  date: dateField(),
  currency: currencyField(),
  paymentMethod: z.optional(text),
  transactionCode: z.optional(text),
  documentNumber: z.optional(text),
  /** Accepted for compatibility; Caja sends no payment reminders. */
  send: z.optional(z.union([z.boolean(), z.literal(0), z.literal(1)], { error: 'Must be a boolean, 0 or 1' })),
});

export const documentsOf = <T extends z.ZodMiniType>(document: T) =>
  z.array(document).check(z.minLength(1, 'At least one document is required'), z.maxLength(40, 'At most 40 documents per payment'));

/** `?page=&resultsPerPage=&order=`: the list parameters getPayments and getPaymentMethods share. */
const positiveInt = (max: number, fallback: number) =>
  z.pipe(
    z._default(z.string().check(z.regex(/^[1-9]\d{0,8}$/, 'Must be a positive integer')), String(fallback)),
    z.pipe(z.transform((value: string) => Number(value)), z.number().check(z.lte(max, `Must be at most ${max}`))),
  );

export const listFields = () => ({
  resultsPerPage: positiveInt(100, 50),
  page: positiveInt(1_000_000, 1),
  order: z._default(z.enum(['ASC', 'DESC'], { error: 'Must be ASC or DESC' }), 'DESC'),
});

/** A `1|2|3`-style query enum with its default. */
export const queryChoice = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z._default(z.enum(values, { error: `Must be one of ${values.join(', ')}` }), fallback);
