/** createPayment and createPaymentByTaxId (seed 004): a reconciled payment of a client's documents. */
import type { Currency } from '../../domain/money.js';
import { parseCanonicalRut } from '../../domain/rut.js';
import { parseSiiDocumentCode } from '../../domain/receivables/sii-documents.js';
import { charges } from '../../store/charges.js';
import { documentByFolio, partyByTaxId } from '../../store/holders.js';
import { findPartyByRef } from '../parties/resolve-party.js';
import { coverInSpan } from '../../store/receivables-payments.js';
import type { UseCaseContext } from '../context.js';
import type { Created } from '../create-once.js';
import { Invalid, issue, NotFound } from '../errors.js';
import type { Party, Payment } from '../model.js';
import { recordPayment } from '../payments/record-payment.js';
import { documentPaymentDraft, type PaymentExtras, refusingOverpayment, requestAmount, type RequestedDocument } from './pay-documents.js';

interface PaymentFields extends PaymentExtras {
  total: number | string;
  date: string;
  currency: Currency;
  send?: boolean | number | undefined;
}

export interface CreatePaymentCommand extends PaymentFields {
  clientId: string;
  documents: { documentId: string; amount: number | string }[];
}

export interface CreatePaymentByTaxIdCommand extends PaymentFields {
  taxId: string;
  documents: { number: string; code: number | string; amount: number | string }[];
}

interface Resolved {
  payer: Party;
  docs: RequestedDocument[];
}

/**
 * Records the payment once per idempotency key. The key is bound to the normalized request ("256525"
 * and 256525 are one total); the client and documents are resolved and checked only for a new key.
 */
async function record(ctx: UseCaseContext, scope: string, key: string | undefined, fields: PaymentFields, request: object, resolve: () => Promise<Resolved>) {
  const total = requestAmount(fields.total, fields.currency, 'total');
  const { paymentMethod, transactionCode, documentNumber } = fields;
  let docs: RequestedDocument[] = [];
  return refusingOverpayment(
    () => docs,
    () =>
      recordPayment(ctx, {
        draft: async () => {
          const resolved = await resolve();
          docs = resolved.docs;
          await coverInSpan(ctx.principal.tenant, [fields.date], new Date().toISOString());
          return documentPaymentDraft(resolved.payer, { total, currency: fields.currency, date: fields.date, paymentMethod, transactionCode, documentNumber }, docs);
        },
        idempotency: { key, scope, request: { ...request, total } },
        audit: { action: 'RECEIVABLES_PAYMENT_CREATE' },
      }),
  );
}

function requireClient(party: Party | undefined, what: string): Party {
  if (!party || party.kind !== 'client') throw new NotFound(what);
  return party;
}

export async function createPayment(ctx: UseCaseContext, command: CreatePaymentCommand, idempotencyKey?: string): Promise<Created<Payment>> {
  const { tenant } = ctx.principal;
  const amounts = command.documents.map((d, i) => requestAmount(d.amount, command.currency, `documents[${i}].amount`));
  const request = { ...command, send: undefined, documents: command.documents.map((d, i) => ({ documentId: d.documentId, amount: amounts[i] })) };
  return record(ctx, 'receivables.create-payment', idempotencyKey, command, request, async () => {
    const [client, found] = await Promise.all([findPartyByRef(tenant, 'client', command.clientId), charges.getMany(tenant, command.documents.map((d) => d.documentId))]);
    return {
      payer: requireClient(client, `Client ${command.clientId}`),
      docs: command.documents.map((d, i) => ({ label: d.documentId, field: `documents[${i}]`, charge: found[i], amount: amounts[i]! })),
    };
  });
}

export async function createPaymentByTaxId(ctx: UseCaseContext, command: CreatePaymentByTaxIdCommand, idempotencyKey?: string): Promise<Created<Payment>> {
  const { tenant } = ctx.principal;
  const rut = parseCanonicalRut(command.taxId);
  if (!rut.ok) {
    const why = rut.reason === 'malformed' ? 'Must be a RUT written 99999999-9' : 'The RUT check digit does not match';
    throw new Invalid(`taxId: ${why}`, issue('taxId', why));
  }
  const codes = command.documents.map((d, i) => {
    const code = parseSiiDocumentCode(d.code);
    if (!code) throw new Invalid(`documents[${i}].code: Must be an SII document code (33, 34, 39, 41, 56, 61)`, issue(`documents[${i}].code`, 'Must be an SII document code'));
    return code;
  });
  const amounts = command.documents.map((d, i) => requestAmount(d.amount, command.currency, `documents[${i}].amount`));
  const request = { ...command, send: undefined, taxId: rut.rut, documents: command.documents.map((d, i) => ({ number: d.number, code: codes[i], amount: amounts[i] })) };
  return record(ctx, 'receivables.create-payment-by-tax-id', idempotencyKey, command, request, async () => {
    // Key reads only: the client's tax-id lookup and each document's folio lookup.
    const [client, found] = await Promise.all([
      partyByTaxId(tenant, 'client', rut.rut),
      Promise.all(command.documents.map((d, i) => documentByFolio(tenant, codes[i]!, d.number))),
    ]);
    return {
      payer: requireClient(client, `Client ${rut.rut}`),
      docs: command.documents.map((d, i) => ({ label: `code ${codes[i]} number ${d.number}`, field: `documents[${i}]`, charge: found[i], amount: amounts[i]! })),
    };
  });
}
