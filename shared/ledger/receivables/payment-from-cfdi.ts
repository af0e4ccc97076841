/**
 * createPaymentFromXmlMX (seed 004): a CFDI payment receipt (3.3/Pagos 1.0 or 4.0/Pagos 2.0) becomes
 * one payment per Pago node, all in one transaction. The client is the Receptor, found by RFC; each
 * DoctoRelacionado is the document whose external id is its IdDocumento (the invoice's fiscal UUID).
 * The receipt's TimbreFiscalDigital UUID is the idempotency key, kept for good: the same receipt
 * again answers the same payments; other content under a used UUID is a 422. An Idempotency-Key
 * header is bound to the receipt as well (its record commits in the same transaction): its retry
 * answers the first payments, and the same key with another receipt is a 422.
 */
import { outstanding } from '../../domain/charges.js';
import { parseCfdiPaymentReceipt, type CfdiPaymentReceipt } from '../../domain/receivables/cfdi-receipt.js';
import { chargeByExternalId, partyByTaxId } from '../../store/holders.js';
import { coverInSpan } from '../../store/receivables-payments.js';
import type { TxItems } from '../../store/tx.js';
import { compact, type UseCaseContext } from '../context.js';
import { changeOnce, type Created } from '../create-once.js';
import { Conflict, Invalid, issue, NotFound } from '../errors.js';
import type { Charge, Party, Payment } from '../model.js';
import { type PaymentDraft, recordPayments } from '../payments/record-payment.js';
import { MAX_DOCUMENTS, refusingOverpayment, type RequestedDocument } from './pay-documents.js';

function readReceipt(xml: string): CfdiPaymentReceipt {
  const parsed = parseCfdiPaymentReceipt(xml);
  if (parsed.ok) return parsed.receipt;
  const field = parsed.path ? `xml (${parsed.path})` : 'xml';
  throw new Invalid(`${field}: ${parsed.message}`, issue(field, parsed.message), 'INVALID_RECEIPT');
}

/** Each related document's charge, checked against the client, its currency and what it still owes (all Pago nodes together). */
function checkDocuments(receipt: CfdiPaymentReceipt, client: Party, byUuid: ReadonlyMap<string, Charge | undefined>): RequestedDocument[] {
  const docs: RequestedDocument[] = [];
  const owed = new Map<string, number>();
  receipt.payments.forEach((p, pi) =>
    p.documents.forEach((d, di) => {
      const field = `Pago[${pi}].DoctoRelacionado[${di}]`;
      const charge = byUuid.get(d.documentId);
      if (!charge || charge.kind !== 'document') throw new NotFound(`Document ${d.documentId}`);
      const refuse = (why: string) => new Invalid(`${field}: ${why}`, issue(field, why));
      if (charge.partyId !== client.id) throw refuse(`Document ${d.documentId} belongs to another client`);
      if (charge.currency !== d.currency) throw refuse(`Document ${d.documentId} is in ${charge.currency}, not ${d.currency} (MonedaDR)`);
      if (charge.voided) throw new Conflict(`Document ${d.documentId} is voided`, 'CONFLICT', issue(field, 'Voided'));
      const left = (owed.get(charge.id) ?? outstanding({ ...charge, paidAmount: charge.paidAmount ?? 0 })) - d.amountPaid;
      if (left < 0) {
        const why = `Document ${d.documentId} owes less than the ${d.amountPaid} minor units this receipt pays`;
        throw new Conflict(why, 'EXCEEDS_OUTSTANDING', issue(`${field}.ImpPagado`, why));
      }
      owed.set(charge.id, left);
      docs.push({ label: d.documentId, field, charge, amount: d.amountPaid });
    }),
  );
  if (docs.length > MAX_DOCUMENTS) throw new Invalid(`xml: at most ${MAX_DOCUMENTS} related documents per receipt`, issue('xml', 'Too many documents'));
  return docs;
}

function drafts(receipt: CfdiPaymentReceipt, client: Party, byUuid: ReadonlyMap<string, Charge | undefined>): PaymentDraft[] {
  const documentNumber = receipt.series || receipt.folio ? `${receipt.series ?? ''}${receipt.folio ?? ''}` : undefined;
  return receipt.payments.map((p) =>
    compact({
      source: 'receivables' as const,
      amount: p.amount,
      currency: p.currency,
      date: p.date,
      method: p.paymentMethodName,
      direction: 'in' as const,
      reference: p.operationNumber,
      documentNumber,
      receiptUuid: receipt.uuid,
      payerId: client.id,
      payerName: client.name,
      payerTaxId: client.taxId,
      allocations: p.documents.map((d) => {
        const charge = byUuid.get(d.documentId)!;
        return compact({
          chargeId: charge.id,
          amount: d.amountInPaymentCurrency,
          chargeAmount: d.currency !== p.currency ? d.amountPaid : undefined,
          number: charge.number,
          code: charge.code,
        });
      }),
    }),
  );
}

export async function createPaymentsFromCfdi(ctx: UseCaseContext, xml: string, idempotencyKey?: string): Promise<Created<Payment[]>> {
  const { tenant } = ctx.principal;
  const receipt = readReceipt(xml);
  const header = { key: idempotencyKey, scope: 'receivables.cfdi-key', request: receipt };
  return changeOnce<Created<Payment[]>>(tenant, header, receipt.uuid, (headerRecord) =>
    recordReceipt(ctx, receipt, (payments) => headerRecord({ replayed: false, result: payments })),
  );
}

function recordReceipt(ctx: UseCaseContext, receipt: CfdiPaymentReceipt, alsoKeyRecord: (payments: Payment[]) => TxItems): Promise<Created<Payment[]>> {
  const { tenant } = ctx.principal;
  let docs: RequestedDocument[] = [];
  return refusingOverpayment(
    () => docs,
    () =>
      recordPayments(ctx, {
        idempotency: { key: receipt.uuid, scope: 'receivables.cfdi', request: receipt, forGood: true },
        alsoKeyRecord,
        audit: { action: 'RECEIVABLES_PAYMENT_CREATE', details: { cfdiUuid: receipt.uuid } },
        drafts: async () => {
          const uuids = [...new Set(receipt.payments.flatMap((p) => p.documents.map((d) => d.documentId)))];
          // Key reads only: the Receptor's tax-id lookup and each document's external-id lookup.
          const [client, found] = await Promise.all([
            partyByTaxId(tenant, 'client', receipt.recipient.rfc),
            Promise.all(uuids.map((uuid) => chargeByExternalId(tenant, uuid))),
          ]);
          if (!client) throw new NotFound(`Client with RFC ${receipt.recipient.rfc}`);
          const byUuid = new Map(uuids.map((uuid, i) => [uuid, found[i]]));
          docs = checkDocuments(receipt, client, byUuid);
          await coverInSpan(tenant, receipt.payments.map((p) => p.date), new Date().toISOString());
          return { drafts: drafts(receipt, client, byUuid), capped: new Map(docs.map((d) => [d.charge!.id, d.charge!])) };
        },
      }),
  );
}
