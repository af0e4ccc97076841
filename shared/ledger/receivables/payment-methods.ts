/** getPaymentMethods (seed 004): the tenant's catalogue as receivables shows it, `{id, name}` with numeric ids. */
import { allPaymentMethods } from '../../store/payment-methods.js';
import type { PaymentMethod } from '../model.js';

/** Methods receivables clients name: its own and the tenant's methods of no dialect, whose codes are numeric ids. */
export async function receivablesPaymentMethods(tenant: string): Promise<PaymentMethod[]> {
  const all = await allPaymentMethods(tenant);
  return all.filter((m) => (m.dialect === 'receivables' || m.dialect === undefined) && /^\d{1,15}$/.test(m.code));
}
