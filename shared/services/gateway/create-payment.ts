/**
 * Create a gateway payment request (seed 002 `POST /pagos`). `external_transaction_id` is the
 * gateway's own idempotency key, scoped to tenant + collector; an `Idempotency-Key` header works too.
 * Both key records, the payment (with its search row) and the audit entry commit in one transaction.
 */
import type { Principal } from '../../auth/principal.js';
import type { Logger } from '../../http/logger.js';
import { canonicalState, gatewayName, type GatewayPayment, type GatewayRecord, type GatewayRequest } from '../../domain/gateway/payment.js';
import { localDateTime } from '../../domain/dates.js';
import { sumMinor } from '../../domain/money.js';
import { badRequest } from '../../errors.js';
import { newId } from '../../ids.js';
import { auditEntry, putAudit } from '../../store/audit.js';
import { getGatewayPayment, insertGatewayPayment } from '../../store/gateway-payments.js';
import { idempotent, requestHash, type IdempotencyKey } from '../../store/idempotency.js';
import { tenantSettings } from '../../store/tenants.js';
import { transact } from '../../store/tx.js';

const HEADER_SCOPE = 'gateway.create-payment';
/** The external id's scope names the collector: one external id per collector. */
const externalScope = (collector: string) => `gateway.external-transaction#${encodeURIComponent(collector)}`;

export interface CreateOutcome {
  payment: GatewayPayment;
  replayed: boolean;
}

async function buildPayment(principal: Principal, request: GatewayRequest, id: string, now: Date): Promise<GatewayPayment> {
  const { tenant } = principal;
  if (request.parent_payment_id && !(await getGatewayPayment(tenant, request.parent_payment_id))) {
    const message = 'Must be the id of an existing payment';
    throw badRequest(`Invalid body: parent_payment_id: ${message}`, [{ field: 'parent_payment_id', message }]);
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
  const local = localDateTime(now, (await tenantSettings(tenant)).timeZone);
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
  principal: Principal,
  request: GatewayRequest,
  idempotencyKey: string | undefined,
  log?: Logger,
): Promise<CreateOutcome> {
  const { tenant } = principal;
  const hash = requestHash(request);
  const headerKey: IdempotencyKey | undefined = idempotencyKey ? { tenant, scope: HEADER_SCOPE, key: idempotencyKey, requestHash: hash } : undefined;
  const externalKey: IdempotencyKey = {
    tenant,
    scope: externalScope(request.collector_id),
    key: request.external_transaction_id,
    requestHash: hash,
  };
  // Header key outside, external id inside: a transaction puts both records, and a duplicate of
  // either replays the payment its first request created (a different request under it is a 422).
  const outcome = await idempotent(
    headerKey,
    async (headerRecord, id) => {
      const inner = await idempotent(
        externalKey,
        async (externalRecord) => {
          const now = new Date();
          const payment = await buildPayment(principal, request, id, now);
          const stored = { status: 201, data: payment };
          const { consumedWriteCapacity } = await transact([
            ...headerRecord(stored),
            ...externalRecord(stored),
            ['payment', insertGatewayPayment(tenant, payment)],
            ['audit', putAudit(tenant, auditEntry(principal, 'PAYMENT_CREATE', 'PAYMENT', id, { after: payment }, payment.createdAt))],
          ]);
          log?.info('gateway payment created', { paymentId: id, consumedWriteCapacity });
          return payment;
        },
        () => id,
      );
      return inner.replayed ? { payment: inner.stored.data as GatewayPayment, replayed: true } : { payment: inner.response, replayed: false };
    },
    newId,
  );
  return outcome.replayed ? { payment: outcome.stored.data as GatewayPayment, replayed: true } : outcome.response;
}
