/** One gateway payment of the caller's tenant (NotFound for unknown, another tenant's or another API's). */
import type { Principal } from '../../auth/principal.js';
import type { GatewayPayment } from '../../domain/gateway/payment.js';
import { getGatewayPayment as readGatewayPayment } from '../../store/gateway-payments.js';
import { tenantSettings } from '../../store/tenants.js';
import { NotFound } from '../errors.js';

/** A gateway payment with the tenant's time zone, which its dates are rendered in. */
export interface GatewayPaymentView {
  payment: GatewayPayment;
  timeZone: string;
}

export async function requireGatewayPayment(tenant: string, id: string, consistent = false): Promise<GatewayPayment> {
  const payment = await readGatewayPayment(tenant, id, consistent);
  if (!payment) throw new NotFound('Payment');
  return payment;
}

export async function getGatewayPayment(principal: Principal, id: string): Promise<GatewayPaymentView> {
  const payment = await requireGatewayPayment(principal.tenant, id);
  return { payment, timeZone: (await tenantSettings(principal.tenant)).timeZone };
}
