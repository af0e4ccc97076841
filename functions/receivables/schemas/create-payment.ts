/** Request schemas of receivables/create-payment. */
import * as z from 'zod/mini';
import { amountField, documentsOf, idField, paymentFields } from './fields.js';

export const schemas = {
  body: z.strictObject({
    clientId: idField(),
    ...paymentFields(),
    documents: documentsOf(z.strictObject({ documentId: idField(), amount: amountField() })),
  }),
};
