/** One gateway payment of the caller's tenant (404 for unknown, another tenant's or another API's). */
import type { GatewayPayment } from '../../domain/gateway/payment.js';
import { notFound } from '../../errors.js';
import { getGatewayPayment } from '../../store/gateway-payments.js';

export async function requireGatewayPayment(tenant: string, id: string, consistent = false): Promise<GatewayPayment> {
  const payment = await getGatewayPayment(tenant, id, consistent);
  if (!payment) throw notFound('Payment');
  return payment;
}
