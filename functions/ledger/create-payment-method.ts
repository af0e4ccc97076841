import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import * as z from 'zod/mini';
import {
  actorOf,
  createPaymentMethod,
  dialectSchema,
  paymentMethodCodeSchema,
  text,
} from '../../shared/services/ledger.js';

export const handler = endpoint(findRoute('POST /ledger/payment-methods'), {
  body: z.strictObject({ code: paymentMethodCodeSchema, name: text(255), dialect: z.optional(dialectSchema) }),
  handle: ({ body, principal, headers }) => createPaymentMethod(actorOf(principal), body, { idempotencyKey: idempotencyKeyHeader(headers) }),
});
