import { type ChargeKind, type ChargeStatus, chargeStatus } from '../../domain/charges.js';
import { chargesOfParty, chargesOfTenant } from '../../store/access-patterns.js';
import { charges } from '../../store/charges.js';
import type { PageRequest } from '../../store/entities.js';
import type { Charge } from '../model.js';
import type { Page } from '../page.js';

const MAX_FILTER_ROUNDS = 5;

/**
 * Charges of a party or of the tenant, optionally of one kind. A status filter is applied after
 * deriving each status for `today`, so a page may hold fewer than `limit` items while `nextCursor`
 * says there is more to read.
 */
export async function listCharges(
  tenant: string,
  today: string,
  q: { partyId?: string | undefined; kind?: ChargeKind | undefined; status?: ChargeStatus | undefined } & PageRequest,
): Promise<Page<Charge>> {
  const items: Charge[] = [];
  let cursor = q.cursor;
  for (let round = 1; ; round++) {
    const page = { limit: q.limit - items.length, cursor };
    const result = q.partyId
      ? await charges.list(tenant, chargesOfParty, { partyId: q.partyId, kind: q.kind }, page)
      : await charges.list(tenant, chargesOfTenant, { kind: q.kind }, page);
    for (const charge of result.items) {
      if (!q.status || chargeStatus({ ...charge, paidAmount: charge.paidAmount ?? 0 }, today) === q.status) items.push(charge);
    }
    if (!result.nextCursor || items.length >= q.limit || round >= MAX_FILTER_ROUNDS) return { items, nextCursor: result.nextCursor };
    cursor = result.nextCursor;
  }
}
