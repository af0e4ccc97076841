import type { Charge } from '../domain/charges.js';
import { tableName } from './client.js';
import { entityStore } from './entities.js';
import { indexKeys, keys } from './keys.js';
import { findByLookup, type Lookup } from './lookups.js';
import type { TransactItem } from './tx.js';

/** A tax document is unique among the tenant's documents by SII code + folio number. */
const folioLookup = (code: string, number: string): Lookup => ({ name: 'document-folio', value: `${code}#${number}` });
/** An external id (a CFDI's fiscal UUID…) is unique among the tenant's charges, case-insensitively. */
const externalIdLookup = (externalId: string): Lookup => ({ name: 'charge-external-id', value: externalId.toLowerCase() });

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

const chargeByLookup = async (tenant: string, lookup: Lookup) => {
  const id = await findByLookup(tenant, lookup);
  return id ? charges.get(tenant, id) : undefined;
};

/** The document with this SII code and folio number (a key read), if any. */
export const documentByFolio = (tenant: string, code: string, number: string) => chargeByLookup(tenant, folioLookup(code, number));

/** The charge with this external id, compared case-insensitively (a key read), if any. */
export const chargeByExternalId = (tenant: string, externalId: string) => chargeByLookup(tenant, externalIdLookup(externalId));

/**
 * Applies `delta` minor units to a charge's paid amount inside a payment's transaction. With
 * `capped`, the charge as read: the update holds only while its amounts are unchanged and the paid
 * amount still leaves room for `delta` (paid ≤ due − delta, so the condition needs no arithmetic),
 * so concurrent payments can never take it past what is due.
 */
export function applyToCharge(tenant: string, chargeId: string, delta: number, capped?: Pick<Charge, 'amount' | 'lateFee'>): TransactItem {
  const cap = capped && delta > 0 ? capped : undefined;
  return {
    Update: {
      TableName: tableName(),
      Key: keys.charge(tenant, chargeId),
      UpdateExpression: 'ADD paidAmount :delta, version :one',
      ConditionExpression: cap
        ? 'attribute_exists(pk) AND voided = :false AND amount = :amount AND paidAmount <= :room' +
          (cap.lateFee === undefined ? ' AND attribute_not_exists(lateFee)' : ' AND lateFee = :lateFee')
        : 'attribute_exists(pk)',
      ExpressionAttributeValues: {
        ':delta': delta,
        ':one': 1,
        ...(cap
          ? {
              ':false': false,
              ':amount': cap.amount,
              ':room': cap.amount + (cap.lateFee ?? 0) - delta,
              ...(cap.lateFee === undefined ? {} : { ':lateFee': cap.lateFee }),
            }
          : {}),
      },
    },
  };
}
