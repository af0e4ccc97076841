/**
 * Field schemas of the ledger API's requests (zod/mini), shared by its routes' schemas. Each is a
 * factory: a schema built at module scope would be built at every cold start of every ledger function
 * (esbuild cannot drop an unused `z.string().check(…)`), a factory only where a route's schema calls it.
 */
import * as z from 'zod/mini';
import { ROLES } from '../../../shared/auth/roles.js';
import { CHARGE_KINDS, CHARGE_STATUSES } from '../../../shared/domain/charges.js';
import { isValidDate } from '../../../shared/domain/dates.js';
import { CURRENCIES, type Currency, MAX_AMOUNT_MINOR } from '../../../shared/domain/money.js';
import { PAYMENT_METHOD_CODE, PAYMENT_METHOD_DIALECTS } from '../../../shared/domain/payment-methods.js';
import { PARTY_KINDS } from '../../../shared/domain/parties.js';
import { isCountryCode, isTimeZone } from '../../../shared/domain/tenants.js';
import { idString, queryInt } from '../../../shared/http/validation.js';

const CURRENCY_LIST = CURRENCIES as [Currency, ...Currency[]];
export const currencySchema = () => z.enum(CURRENCY_LIST, { error: `Must be one of ${CURRENCIES.join(', ')}` });

const minorUnits = (min: 0 | 1) =>
  z.int({ error: 'Must be an integer amount in minor units' }).check(
    z.gte(min, min === 1 ? 'Must be greater than 0' : 'Must not be negative'),
    z.lte(MAX_AMOUNT_MINOR, `Must be at most ${MAX_AMOUNT_MINOR} minor units`),
  );

/** An amount in integer minor units: a bare integer, or `{amount, currency}` as the API renders it. */
export const moneySchema = (min: 0 | 1, currency = currencySchema()) =>
  z.union([minorUnits(min), z.strictObject({ amount: minorUnits(min), currency })], {
    error: `Must be ${min === 1 ? 'a positive' : 'a non-negative'} integer amount in minor units, or {amount, currency}`,
  });

export const text = (max: number) => z.string().check(z.trim(), z.minLength(1, 'Must not be empty'), z.maxLength(max, `At most ${max} characters`));
export const dateSchema = () => z.string().check(z.refine(isValidDate, 'Must be a date YYYY-MM-DD'));
export const emailSchema = () => z.string().check(z.trim(), z.maxLength(254, 'At most 254 characters'), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Must be an email address'));
export const partyKindSchema = () => z.enum(PARTY_KINDS, { error: `Must be one of ${PARTY_KINDS.join(', ')}` });
export const chargeKindSchema = () => z.enum(CHARGE_KINDS, { error: `Must be one of ${CHARGE_KINDS.join(', ')}` });
export const chargeStatusSchema = () => z.enum(CHARGE_STATUSES, { error: `Must be one of ${CHARGE_STATUSES.join(', ')}` });
export const roleSchema = () => z.enum(ROLES, { error: `Must be one of ${ROLES.join(', ')}` });
export const paymentMethodCodeSchema = () => z.string().check(z.regex(PAYMENT_METHOD_CODE, 'Must be 1-50 letters, digits, _ or -'));
export const dialectSchema = () => z.enum(PAYMENT_METHOD_DIALECTS, { error: `Must be one of ${PAYMENT_METHOD_DIALECTS.join(', ')}` });
/** Audit entity ids: entity ids, or namespaced ids such as `payment-method:BCP`. */
export const entityIdSchema = () => z.string().check(z.regex(/^[A-Za-z0-9_:#.-]{1,120}$/, 'Must be an entity id'));

export const idPath = () => z.strictObject({ id: idString() });
export const pageQuery = () => ({
  limit: queryInt({ min: 1, max: 100, default: 20 }),
  cursor: z.optional(z.string().check(z.minLength(1, 'Must not be empty'), z.maxLength(2048, 'Invalid cursor'))),
});

/** A tenant's profile fields (`PUT /ledger/settings`, and `npm run tenant -- create`). */
export const timeZoneSchema = () => z.string().check(z.refine(isTimeZone, 'Must be an IANA time zone, e.g. America/Lima'));
export const countrySchema = () => z.string().check(z.refine(isCountryCode, 'Must be an ISO 3166-1 alpha-2 country code, e.g. PE'));
export const tenantProfileFields = () => ({
  name: text(200),
  currency: currencySchema(),
  timeZone: timeZoneSchema(),
  country: countrySchema(),
  taxId: text(50),
});
