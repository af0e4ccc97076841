/**
 * Community statements (seed 003): the cargos of a contract or community and the pagos against
 * them, a page at a time, with the tenant's business date their statuses are derived for.
 */
import type { Principal } from '../../auth/principal.js';
import { chargesOfCommunity, chargesOfParty, communityPaymentsOfCommunity, communityPaymentsOfParty } from '../../store/access-patterns.js';
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

/** The scope checked for the caller (a resident sees only its own contract's), named by Caja's ids. */
async function readableScope(principal: Principal, scope: StatementScope): Promise<StatementScope> {
  return 'contractId' in scope
    ? { contractId: (await readableContract(principal, scope.contractId)).id }
    : { communityId: (await readableCommunity(principal, scope.communityId)).id };
}

function cargosPage(tenant: string, scope: StatementScope, page: PageRequest): Promise<ListPage<Charge>> {
  return 'contractId' in scope
    ? readPage(tenant, chargesOfParty, { partyId: scope.contractId, kind: 'community_charge' as const }, page)
    : readPage(tenant, chargesOfCommunity, { communityId: scope.communityId, kind: 'community_charge' as const }, page);
}

function pagosPage(tenant: string, scope: StatementScope, page: PageRequest): Promise<ListPage<Payment>> {
  return 'contractId' in scope
    ? readPage(tenant, communityPaymentsOfParty, { partyId: scope.contractId, record: 'pago' as const }, page)
    : readPage(tenant, communityPaymentsOfCommunity, { communityId: scope.communityId, record: 'pago' as const }, page);
}

/** The cargos alone (their scope checked first). */
export async function listCargos(principal: Principal, scope: StatementScope, page: PageRequest): Promise<{ cargos: ListPage<Charge>; today: string }> {
  const cargos = await cargosPage(principal.tenant, await readableScope(principal, scope), page);
  return { cargos, today: await tenantToday(principal.tenant) };
}

export async function communityStatement(principal: Principal, scope: StatementScope, page: PageRequest): Promise<CommunityStatement> {
  const target = await readableScope(principal, scope);
  const cargos = await cargosPage(principal.tenant, target, page);
  return { cargos, pagos: await pagosPage(principal.tenant, target, page), today: await tenantToday(principal.tenant) };
}
