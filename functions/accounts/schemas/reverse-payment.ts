/** Request schemas of accounts/reverse-payment (named by the route table through its handler). */
import * as z from 'zod/mini';
import { idString } from '../../../shared/http/validation.js';
import { nullAsAbsent } from './fields.js';

export const reversePaymentBody = z.strictObject({
  paymentId: idString('Must be a payment id'),
  // Optional, as in the original; when present, at least 5 characters.
  reason: nullAsAbsent(
    z.string().check(
      z.refine((value: string) => value.trim().length >= 5, 'Must be at least 5 characters'),
      z.maxLength(500, 'Must be at most 500 characters'),
    ),
  ),
});

export const schemas = { body: reversePaymentBody };
