import type { Charge } from '../domain/charges.js';
import { MAX_TOTAL_MINOR } from '../domain/money.js';
import { tableName } from './client.js';
import { entityStore } from './entities.js';
import { indexKeys, keys } from './keys.js';
import type { Lookup } from './lookups.js';
import type { ConditionFailed, TransactItem, TxItems } from './tx.js';

/** A tax document is unique among the tenant's documents by SII code + folio number. */
export const folioLookup = (code: string, number: string): Lookup => ({ name: 'document-folio', value: `${code}#${number}` });
/** An external id (a CFDI's fiscal UUID…) is unique among the tenant's charges, case-insensitively. */
export const externalIdLookup = (externalId: string): Lookup => ({ name: 'charge-external-id', value: externalId.toLowerCase() });

export const charges = entityStore<Charge>({
  type: 'CHARGE',
  label: 'Charge',
  key: keys.charge,
  indexes: (t, c) => ({
    gsi1pk: indexKeys.partyCharges(t, c.partyId),
    gsi1sk: `${c.kind}#${c.id}`,
    gsi2pk: indexKeys.charges(t),
    gsi2sk: `${c.kind}#${c.id}`,
    // Community and resident charges are also listed by community (keys only; read by BatchGet).
    pagepk: c.communityId ? indexKeys.communityCharges(t, c.communityId) : undefined,
    pagesk: c.communityId ? `${c.kind}#${c.id}` : undefined,
  }),
  lookups: (c) => [
    ...(c.kind === 'document' && c.code !== undefined && c.number !== undefined ? [{ ...folioLookup(c.code, c.number), field: 'number' }] : []),
    ...(c.externalId !== undefined ? [{ ...externalIdLookup(c.externalId), field: 'externalId' }] : []),
  ],
});

/**
 * Applies `delta` minor units to a charge's paid amount inside a payment's transaction. An increase
 * is refused by the same write when it would take the paid amount past MAX_TOTAL_MINOR. With
 * `capped`, the charge as read: the update also holds only while its amounts are unchanged and the
 * paid amount still leaves room for `delta` (paid ≤ due − delta, so the condition needs no
 * arithmetic), so concurrent payments can never take it past what is due. A failed increase
 * returns what the charge held: paidPastBound tells the bound from the cap and a missing charge.
 */
export function applyToCharge(tenant: string, chargeId: string, delta: number, capped?: Pick<Charge, 'amount' | 'lateFee'>): TransactItem {
  const increase = delta > 0;
  const cap = capped && increase ? capped : undefined;
  // The room under both the cap and the bound: one comparison, whichever is lower.
  const room = Math.min(cap ? cap.amount + (cap.lateFee ?? 0) : MAX_TOTAL_MINOR, MAX_TOTAL_MINOR) - delta;
  return {
    Update: {
      TableName: tableName(),
      Key: keys.charge(tenant, chargeId),
      UpdateExpression: 'ADD paidAmount :delta, version :one',
      ConditionExpression: cap
        ? 'attribute_exists(pk) AND voided = :false AND amount = :amount AND paidAmount <= :room' +
          (cap.lateFee === undefined ? ' AND attribute_not_exists(lateFee)' : ' AND lateFee = :lateFee')
        : increase
          ? 'attribute_exists(pk) AND (attribute_not_exists(paidAmount) OR paidAmount <= :room)'
          : 'attribute_exists(pk)',
      ExpressionAttributeValues: {
        ':delta': delta,
        ':one': 1,
        ...(increase ? { ':room': room } : {}),
        ...(cap ? { ':false': false, ':amount': cap.amount, ...(cap.lateFee === undefined ? {} : { ':lateFee': cap.lateFee }) } : {}),
      },
      ...(increase ? { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {}),
    },
  };
}

/**
 * Whether the charge update named `name` in `items` failed on the paid-amount bound: the charge
 * existed and what it held plus the update's delta passes MAX_TOTAL_MINOR (rather than its cap:
 * a voided or changed document, or one another payment left no room in).
 */
export function paidPastBound(error: ConditionFailed, items: TxItems, name: string): boolean {
  const held = error.held[name];
  const delta = items.find(([n]) => n === name)?.[1].Update?.ExpressionAttributeValues?.[':delta'];
  if (!held || typeof delta !== 'number') return false;
  const paid = String(held.paidAmount?.N ?? '0');
  // An integer as DynamoDB writes it; anything else cannot be added to exactly: past the bound (fail closed).
  return !/^-?\d+$/.test(paid) || BigInt(paid) + BigInt(delta) > BigInt(MAX_TOTAL_MINOR);
}
