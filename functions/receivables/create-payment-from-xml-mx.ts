import { renderPaymentsAnswer } from '../../shared/dialects/receivables/answers.js';
import { MAX_CFDI_XML_BYTES } from '../../shared/domain/receivables/cfdi-xml.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { createPaymentsFromCfdi } from '../../shared/ledger/receivables/payment-from-cfdi.js';
import { createPaymentFromXmlMxRoute } from './routes.js';
import { schemas } from './schemas/create-payment-from-xml-mx.js';

/** The body carries up to MAX_CFDI_XML_BYTES of XML in base64 (4/3 of it, line breaks allowed), plus the JSON around it. */
const MAX_BODY_BYTES = Math.ceil((Math.ceil(MAX_CFDI_XML_BYTES / 3) * 4 * 11) / 10) + 64 * 1024;

/** 200 with the first payment and `payments` (one per Pago node); the same receipt (or Idempotency-Key) again answers the same payments. */
export const handler = endpoint(createPaymentFromXmlMxRoute, {
  ...schemas,
  maxBodyBytes: MAX_BODY_BYTES,
  handle: async ({ body, headers, principal, log }) =>
    renderPaymentsAnswer(principal.tenant, await createPaymentsFromCfdi({ principal, log }, body.xml, idempotencyKeyHeader(headers))),
});
