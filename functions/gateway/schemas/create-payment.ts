/** Request schemas of gateway/create-payment (seed 002): strict, bounded, snake_case as the gateway. */
import * as z from 'zod/mini';
import { idString, majorAmount } from '../../../shared/http/validation.js';
import { CURRENCIES } from '../../../shared/domain/money.js';
import { GATEWAY_TYPES } from '../../../shared/domain/gateway/payment.js';
import type { RawGatewayRequest } from '../../../shared/domain/gateway/request.js';
import { text } from './fields.js';

const key = z.string().check(z.regex(/^[A-Za-z0-9_.:@-]{1,64}$/, 'Must be 1 to 64 letters, digits or _ . : @ -'));
const amount = majorAmount(z.union([z.number(), z.string().check(z.regex(/^\d{1,20}(\.\d{1,20})?$/, 'Must be a decimal amount'))]));
/** Ids render as numbers, so a client may send one back as a number or as digits. */
const id = z.union([z.number().check(z.int(), z.positive(), z.lte(Number.MAX_SAFE_INTEGER)), idString()]);

export const createBody = z.strictObject({
  collector_id: key,
  external_transaction_id: z.string().check(z.regex(/^[\x21-\x7e]{1,100}$/, 'Must be 1 to 100 visible ASCII characters')),
  currency_id: z.enum(CURRENCIES),
  details: z
    .array(
      z.strictObject({
        amount,
        concept_id: z.optional(text(64)),
        concept_description: z.optional(text()),
        external_reference: z.optional(text(100)),
      }),
    )
    .check(z.minLength(1), z.maxLength(100)),
  payer: z.optional(
    z.strictObject({
      name: z.optional(text()),
      email: z.optional(z.string().check(z.maxLength(254), z.regex(/^[^\s@]+@[^\s@]+$/, 'Must be an email address'))),
      external_reference: z.optional(text(100)),
      identification: z.optional(z.strictObject({ type: text(20), number: text(40), country: z.string().check(z.regex(/^[A-Z]{2}$/, 'Must be an ISO 3166 country code')) })),
    }),
  ),
  type: z.optional(z.enum(GATEWAY_TYPES)),
  due_date: z.optional(z.string().check(z.maxLength(40))),
  last_due_date: z.optional(z.string().check(z.maxLength(40))),
  owner: z.optional(z.strictObject({ type: key, id: key })),
  payment_methods: z.optional(
    z
      .array(
        z.strictObject({
          type: z.optional(text(40)),
          amount: z.optional(amount),
          media_payment_id: z.optional(text(64)),
          gateway: z.optional(z.strictObject({ name: key })),
        }),
      )
      .check(z.maxLength(10)),
  ),
  parent_payment_id: z.optional(id),
  metadata: z.optional(
    z.record(z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,40}$/, 'Keys must be 1 to 40 letters, digits or _ . -')), z.string().check(z.maxLength(255))).check(
      z.refine((m) => Object.keys(m).length <= 20, 'At most 20 entries'),
    ),
  ),
}) satisfies z.ZodMiniType<RawGatewayRequest>;

export const schemas = { body: createBody };
