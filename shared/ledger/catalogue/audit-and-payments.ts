/** The ledger API's read-only views: the canonical payment and an entity's audit trail. */
import { type AuditEntry, listAudit } from '../../store/audit.js';
import type { PageRequest } from '../../store/entities.js';
import { getPayment as readPayment } from '../../store/payments.js';
import { NotFound } from '../errors.js';
import type { Payment } from '../model.js';
import type { Page } from '../page.js';

/** Any payment of the tenant, whichever API created it. */
export async function getCanonicalPayment(tenant: string, id: string): Promise<Payment> {
  const payment = await readPayment(tenant, id);
  if (!payment) throw new NotFound('Payment');
  return payment;
}

/** An entity's audit entries, newest first. */
export function listAuditEntries(tenant: string, q: { entityId: string } & PageRequest): Promise<Page<AuditEntry>> {
  return listAudit(tenant, q.entityId, q.limit, q.cursor);
}
