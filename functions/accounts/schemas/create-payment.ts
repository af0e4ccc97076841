/** Request schemas of accounts/create-payment (named by the route table through its handler). */
import * as z from 'zod/mini';
import { PAYMENT_TYPES } from '../../../shared/dialects/accounts/render.js';
import { type CreatePaymentRequest, PAYMENT_METHODS } from '../../../shared/dialects/accounts/requests.js';
import { IDEMPOTENCY_KEY_MAX, IDEMPOTENCY_KEY_MIN } from '../../../shared/http/idempotency-key.js';
import { dateField, dimensionFields, money, nullAsAbsent, timeField } from './fields.js';

export const createPaymentBody = z.strictObject({
  date: dateField(),
  time: nullAsAbsent(timeField()),
  ...dimensionFields(),
  amount: money('positive'),
  type: z.enum(PAYMENT_TYPES, 'Must be payment or collection'),
  method: z.enum(PAYMENT_METHODS, `Must be one of ${PAYMENT_METHODS.join(', ')}`),
  notes: nullAsAbsent(z.string().check(z.maxLength(500, 'Must be at most 500 characters'))),
  isFinal: nullAsAbsent(z.boolean('Must be true or false')),
  idempotencyKey: nullAsAbsent(
    z.string().check(
      z.minLength(IDEMPOTENCY_KEY_MIN, `Must be at least ${IDEMPOTENCY_KEY_MIN} characters`),
      z.maxLength(IDEMPOTENCY_KEY_MAX, `Must be at most ${IDEMPOTENCY_KEY_MAX} characters`),
    ),
  ),
}) satisfies z.ZodMiniType<CreatePaymentRequest>;

export const schemas = { body: createPaymentBody };
