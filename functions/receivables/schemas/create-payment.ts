/** Request schemas of receivables/create-payment. */
import * as z from 'zod/mini';
import { amountField, documentsOf, idField, paymentFields } from './fields.js';

// One id and one amount schema, shared by the fields that take them.
const id = idField();
const amount = amountField();

export const schemas = {
  body: z.strictObject({
    clientId: id,
    ...paymentFields(amount),
    documents: documentsOf(z.strictObject({ documentId: id, amount })),
  }),
};
