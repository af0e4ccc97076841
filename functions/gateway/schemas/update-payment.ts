/** Request schemas of gateway/update-payment: a transition to a status, with an optional detail. */
import * as z from 'zod/mini';
import { GATEWAY_STATUSES } from '../../../shared/domain/gateway/payment.js';
import { idPath, text } from './fields.js';

export const transitionBody = z.strictObject({
  status: z.enum(GATEWAY_STATUSES),
  status_detail: z.optional(text()),
});

export const schemas = { path: idPath(), body: transitionBody };
