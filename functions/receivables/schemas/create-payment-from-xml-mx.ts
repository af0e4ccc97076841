/** Request schemas of receivables/create-payment-from-xml-mx: `{xml}`, a base64 CFDI payment receipt. */
import * as z from 'zod/mini';

export const schemas = { body: z.strictObject({ xml: z.string().check(z.minLength(1, 'Must be a base64 CFDI payment receipt')) }) };
