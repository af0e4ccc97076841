/** Request schemas of receivables/create-payment-by-tax-id. */
import * as z from 'zod/mini';
import { amountField, documentsOf, paymentFields } from './fields.js';

/** A folio as a JSON number or a digit string. */
const folio = z.pipe(
  z.union([z.number().check(z.int(), z.positive()), z.string().check(z.regex(/^[1-9]\d{0,17}$/, 'Must be a folio number'))], { error: 'Must be a folio number' }),
  z.transform((value: number | string) => String(value)),
);

const amount = amountField();

export const schemas = {
  body: z.strictObject({
    taxId: z.string().check(z.maxLength(20, 'Must be a RUT written 99999999-9')),
    ...paymentFields(amount),
    documents: documentsOf(z.strictObject({ number: folio, code: z.union([z.number(), z.string()], { error: 'Must be an SII document code' }), amount })),
  }),
};
