/**
 * Gateway payments (seed 002) in the one payments partition scheme: the canonical payment item
 * plus its search row and index attributes from the query catalogue (GATEWAY_PAYMENTS), so every
 * write keeps the search indexes in step with the payment in the same transaction.
 */
import { gatewayRow, type GatewayPayment } from '../domain/gateway/payment.js';
import { insertPayment, paymentItem, replacePayment, getPayment } from './payments.js';
import { GATEWAY_PAYMENTS } from './query/catalogue.js';
import { queryAttributes } from './query/attributes.js';
import type { TransactItem } from './tx.js';

function gatewayItem(tenant: string, payment: GatewayPayment): Record<string, unknown> {
  return { ...paymentItem(tenant, payment), ...queryAttributes(tenant, GATEWAY_PAYMENTS, gatewayRow(payment.id, payment.gateway)) };
}

/** Put of a new gateway payment (fails if the id exists). */
export function insertGatewayPayment(tenant: string, payment: GatewayPayment): TransactItem {
  const { Put } = insertPayment(tenant, payment);
  return { Put: { ...Put!, Item: gatewayItem(tenant, payment) } };
}

/** Put replacing `before` only if its version is still the one read. */
export function replaceGatewayPayment(tenant: string, before: GatewayPayment, after: GatewayPayment): TransactItem {
  const { Put } = replacePayment(tenant, before, after);
  return { Put: { ...Put!, Item: gatewayItem(tenant, after) } };
}

/** A gateway payment of the tenant, or undefined (missing, another tenant's, or another API's). */
export async function getGatewayPayment(tenant: string, id: string, consistent = false): Promise<GatewayPayment | undefined> {
  const payment = await getPayment(tenant, id, consistent);
  return payment?.source === 'gateway' ? (payment as GatewayPayment) : undefined;
}
