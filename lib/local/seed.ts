/**
 * Creates and seeds the demo tenant through the same store code the handlers use (with audit entries).
 * Safe to run on every start: what already exists is left as it is.
 */
import type { Charge } from '../../shared/domain/charges.js';
import type { Party } from '../../shared/domain/parties.js';
import type { Actor } from '../../shared/store/audit.js';
import { charges } from '../../shared/store/charges.js';
import type { EntityStore, Versioned } from '../../shared/store/entities.js';
import { parties } from '../../shared/store/parties.js';
import { createTenant } from '../../shared/ledger/settings/tenant-settings.js';
import { Conflict } from '../../shared/ledger/errors.js';
import { ConditionFailed } from '../../shared/store/tx.js';
import { DEMO } from './demo.js';
import { RECEIVABLES_DEMO, RECEIVABLES_DEMO_DOCUMENTS } from './demo-receivables.js';

async function insertIfAbsent<T extends Versioned>(seeder: Actor, store: EntityStore<T>, entity: T): Promise<void> {
  try {
    await store.insert(seeder, entity);
  } catch (error) {
    // Already there (its unique lookups too, which report as a Conflict).
    if (!(error instanceof ConditionFailed || error instanceof Conflict)) throw error;
  }
}

/** The demo tenant, or the same data in `tenant` (the sample events' test). */
export async function seedDemo(tenant: string = DEMO.tenant): Promise<void> {
  const now = new Date().toISOString();
  const seeder: Actor = { tenant, sub: 'seed' };
  // Created once, the way `npm run tenant -- create` creates one; settings changed later are kept.
  const { name, currency, timeZone, country } = DEMO;
  await createTenant(seeder, tenant, { name, currency, timeZone, country });
  for (const party of [...Object.values(DEMO.parties), ...Object.values(RECEIVABLES_DEMO)]) {
    await insertIfAbsent<Party>(seeder, parties, { ...party, active: true, createdAt: now, updatedAt: now, version: 1 });
  }
  const demoCharges = [
    ...Object.values(DEMO.workOrders).map((c) => ({ ...c, kind: 'work_order' as const })),
    ...Object.values(DEMO.communityCharges).map((c) => ({ ...c, kind: 'community_charge' as const })),
    ...Object.values(DEMO.residentCharges).map((c) => ({ ...c, kind: 'resident_charge' as const })),
  ];
  for (const charge of demoCharges) {
    await insertIfAbsent<Charge>(seeder, charges, {
      ...charge,
      currency: DEMO.currency,
      paidAmount: 0,
      voided: false,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
  }
  for (const document of RECEIVABLES_DEMO_DOCUMENTS) {
    await insertIfAbsent<Charge>(seeder, charges, { ...document, kind: 'document', paidAmount: 0, voided: false, createdAt: now, updatedAt: now, version: 1 });
  }
}
