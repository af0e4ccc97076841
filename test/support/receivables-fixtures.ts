/** Receivables data for tests: the demo's clients and documents (lib/local/demo-receivables.ts) in a test's own tenant. */
import { RECEIVABLES_DEMO, RECEIVABLES_DEMO_DOCUMENTS } from '../../lib/local/demo-receivables.js';
import type { Charge } from '../../shared/domain/charges.js';
import { newId } from '../../shared/ids.js';
import { charges } from '../../shared/store/charges.js';
import { parties } from '../../shared/store/parties.js';
import { saveTenant } from './tenants.js';

const FIXTURE = (tenant: string) => ({ tenant, sub: 'fixture' });
const stamp = () => ({ createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), version: 1 });

/** A tenant (Santiago time) with the Chilean and Mexican demo clients and their documents. */
export async function receivablesTenant(tenant: string) {
  await saveTenant(tenant, { timeZone: 'America/Santiago', currency: 'CLP' });
  for (const party of Object.values(RECEIVABLES_DEMO)) await parties.insert(FIXTURE(tenant), { ...party, active: true, ...stamp() });
  await Promise.all(
    RECEIVABLES_DEMO_DOCUMENTS.map((d) => charges.insert(FIXTURE(tenant), { ...d, kind: 'document', paidAmount: 0, voided: false, ...stamp() })),
  );
  return { cl: RECEIVABLES_DEMO.chileanClient, mx: RECEIVABLES_DEMO.mexicanClient };
}

/** One more document of a client (fresh id and folio). */
export async function newDocument(tenant: string, partyId: string, amount: number, extra: Partial<Charge> = {}): Promise<Charge> {
  const id = newId();
  return charges.insert(FIXTURE(tenant), {
    id,
    kind: 'document',
    partyId,
    amount,
    currency: 'CLP',
    paidAmount: 0,
    // A folio never starts with 0 (createPaymentByTaxId's folio rule).
    number: `1${id.slice(-9)}`,
    code: '33',
    voided: false,
    ...stamp(),
    ...extra,
  });
}
