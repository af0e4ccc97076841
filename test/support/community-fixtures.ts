/** Communities data for tests (seed 003): a community, its contracts and residents, written through the store. */
import { localDateTime } from '../../shared/domain/dates.js';
import { createParty, createTenant } from './ledger-fixtures.js';
import { token } from './tokens.js';

export const TIME_ZONE = 'America/Costa_Rica';

/** The tenant's business date `days` from today. */
export function tenantDate(days = 0): string {
  const today = localDateTime(new Date(), TIME_ZONE).date;
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A tenant (CRC) with one community, two contracts, a resident on each, and tokens for an admin and both residents. */
export async function communityTenant(tenant: string) {
  await createTenant(tenant, { currency: 'CRC', timeZone: TIME_ZONE });
  const community = await createParty(tenant, 'community', { name: 'Condominio Los Robles' });
  const contract = await createParty(tenant, 'contract', { name: 'Casa 12', parentId: community.id });
  const otherContract = await createParty(tenant, 'contract', { name: 'Casa 14', parentId: community.id });
  const resident = await createParty(tenant, 'resident', { name: 'María Pérez', parentId: contract.id, externalId: 'R-12' });
  const otherResident = await createParty(tenant, 'resident', { name: 'Juan Mora', parentId: otherContract.id, externalId: 'R-14' });
  const [admin, residentToken, otherResidentToken] = await Promise.all([
    token({ role: 'ADMIN', tenant }),
    token({ role: 'RESIDENT', tenant, party: resident.id, sub: 'maria' }),
    token({ role: 'RESIDENT', tenant, party: otherResident.id, sub: 'juan' }),
  ]);
  return { community, contract, otherContract, resident, otherResident, admin, residentToken, otherResidentToken };
}

export type CommunityRefs = Awaited<ReturnType<typeof communityTenant>>;
