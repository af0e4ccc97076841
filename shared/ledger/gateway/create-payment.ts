/**
 * Create a gateway payment request (seed 002 `POST /pagos`). `external_transaction_id` is the
 * gateway's own idempotency key, scoped to tenant + collector; an `Idempotency-Key` header works too.
 * Both key records, the payment (with its search row) and the audit entry commit in one transaction.
 */
import type { Principal } from '../../auth/principal.js';
import { canonicalState, gatewayName, type GatewayPayment, type GatewayRecord, type GatewayRequest } from '../../domain/gateway/payment.js';
import { localDateTime } from '../../domain/dates.js';
import { sumMinor } from '../../domain/money.js';
import { newId } from '../../ids.js';
import { auditEntry, putAudit } from '../../store/audit.js';
import { getGatewayPayment, insertGatewayPayment } from '../../store/gateway-payments.js';
import { type FirstAnswer, idempotent, requestHash, type IdempotencyKey } from '../../store/idempotency.js';
import { countMetric } from '../../metrics.js';
import { recordingMoney, tenantSettings } from '../../store/tenants.js';
import { transact } from '../../store/tx.js';
import type { UseCaseContext } from '../context.js';
import { Invalid, issue } from '../errors.js';
import type { GatewayPaymentView } from './get-payment.js';

const HEADER_SCOPE = 'gateway.create-payment';
/** The external id's scope names the collector: one external id per collector. */
const externalScope = (collector: string) => `gateway.external-transaction#${encodeURIComponent(collector)}`;

export interface CreateOutcome extends GatewayPaymentView {
  replayed: boolean;
}

/** The payment a key record keeps: the canonical result, or (records from before canonical results) the rendered answer's data. */
const firstPayment = (first: FirstAnswer<GatewayPayment>): GatewayPayment => ('result' in first ? first.result : (first.response.data as GatewayPayment));

async function buildPayment(principal: Principal, request: GatewayRequest, id: string, now: Date, timeZone: string): Promise<GatewayPayment> {
  const { tenant } = principal;
  if (request.parent_payment_id && !(await getGatewayPayment(tenant, request.parent_payment_id))) {
    const message = 'Must be the id of an existing payment';
    throw new Invalid(`Invalid body: parent_payment_id: ${message}`, issue('parent_payment_id', message));
  }
  const at = now.toISOString();
  const record: GatewayRecord = {
    ...request,
    final_amount: sumMinor(request.details.map((d) => d.amount)),
    status: 'pending',
    validation: false,
    review: false,
    batch_withdrawal: false,
    request_date: at,
  };
  const local = localDateTime(now, timeZone);
  return {
    id,
    source: 'gateway',
    amount: record.final_amount,
    currency: record.currency_id,
    date: local.date,
    time: local.time,
    method: gatewayName(record) ?? 'gateway',
    direction: 'in',
    reference: record.external_transaction_id,
    ...(record.payer?.name ? { payerName: record.payer.name } : {}),
    recordedBy: principal.sub,
    allocations: [],
    ...canonicalState(record),
    deleted: false,
    createdAt: at,
    updatedAt: at,
    version: 1,
    gateway: record,
  };
}

export async function createGatewayPayment(
  { principal, log, now: clock }: UseCaseContext,
  request: GatewayRequest,
  idempotencyKey: string | undefined,
): Promise<CreateOutcome> {
  const { tenant } = principal;
  const settings = await tenantSettings(tenant);
  const { timeZone } = settings;
  const hash = requestHash(request);
  const headerKey: IdempotencyKey | undefined = idempotencyKey ? { tenant, scope: HEADER_SCOPE, key: idempotencyKey, requestHash: hash } : undefined;
  const externalKey: IdempotencyKey = {
    tenant,
    scope: externalScope(request.collector_id),
    key: request.external_transaction_id,
    requestHash: hash,
  };
  // Header key outside, external id inside: a transaction puts both records, and a duplicate of
  // either replays the payment its first request created (a different request under it is a mismatch).
  let replayedExternal = false;
  const outcome = await idempotent<GatewayPayment>(
    headerKey,
    async (headerRecord, id) => {
      const inner = await idempotent<GatewayPayment>(
        externalKey,
        async (externalRecord) => {
          const payment = await buildPayment(principal, request, id, clock ?? new Date(), timeZone);
          const { consumedWriteCapacity } = await recordingMoney(settings, payment.createdAt, (mark) => transact([
            ...headerRecord(payment),
            ...externalRecord(payment),
            ['payment', insertGatewayPayment(tenant, payment)],
            ['audit', putAudit(tenant, auditEntry(principal, 'PAYMENT_CREATE', 'PAYMENT', id, { after: payment }, payment.createdAt))],
            ...mark,
          ]));
          log?.info('gateway payment created', { paymentId: id, consumedWriteCapacity });
          countMetric('PaymentsRecorded');
          return payment;
        },
        () => id,
      );
      if (!inner.replayed) return inner.response;
      replayedExternal = true;
      return firstPayment(inner.first);
    },
    newId,
  );
  return outcome.replayed
    ? { payment: firstPayment(outcome.first), replayed: true, timeZone }
    : { payment: outcome.response, replayed: replayedExternal, timeZone };
}
