/**
 * Community statements (seed 003): the cargos of a contract or community and the pagos against
 * them, a page at a time, with the tenant's business date their statuses are derived for.
 */
import type { Principal } from '../../auth/principal.js';
import { ACCESS_PATTERNS } from '../../store/access-patterns.js';
import { type ListPage, type PageRequest, readPage } from '../../store/paged-lists.js';
import { tenantToday } from '../context.js';
import type { Charge, Payment } from '../model.js';
import { readableCommunity, readableContract } from './scope.js';

export interface CommunityStatement {
  cargos: ListPage<Charge>;
  pagos: ListPage<Payment>;
  /** The tenant's date the cargos' statuses are derived for. */
  today: string;
}

export type StatementScope = { contractId: string } | { communityId: string };

async function cargosPage(principal: Principal, scope: StatementScope, page: PageRequest): Promise<ListPage<Charge>> {
  const { tenant } = principal;
  if ('contractId' in scope) {
    await readableContract(principal, scope.contractId);
    return readPage(tenant, ACCESS_PATTERNS.chargesOfParty, { partyId: scope.contractId, kind: 'community_charge' }, page);
  }
  await readableCommunity(principal, scope.communityId);
  return readPage(tenant, ACCESS_PATTERNS.chargesOfCommunity, { communityId: scope.communityId, kind: 'community_charge' }, page);
}

function pagosPage(tenant: string, scope: StatementScope, page: PageRequest): Promise<ListPage<Payment>> {
  return 'contractId' in scope
    ? readPage(tenant, ACCESS_PATTERNS.communityPaymentsOfParty, { partyId: scope.contractId, record: 'pago' as const }, page)
    : readPage(tenant, ACCESS_PATTERNS.communityPaymentsOfCommunity, { communityId: scope.communityId, record: 'pago' as const }, page);
}

/** The cargos alone (their scope checked first: a resident sees only its own contract's). */
export async function listCargos(principal: Principal, scope: StatementScope, page: PageRequest): Promise<{ cargos: ListPage<Charge>; today: string }> {
  const cargos = await cargosPage(principal, scope, page);
  return { cargos, today: await tenantToday(principal.tenant) };
}

export async function communityStatement(principal: Principal, scope: StatementScope, page: PageRequest): Promise<CommunityStatement> {
  const { cargos, today } = await listCargos(principal, scope, page);
  return { cargos, pagos: await pagosPage(principal.tenant, scope, page), today };
}
