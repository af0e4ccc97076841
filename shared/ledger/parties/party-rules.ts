/** Rules a party's fields follow, for create and update alike. */
import { PARENT_KIND, type PartyKind } from '../../domain/parties.js';
import { normalizeTaxId } from '../../domain/tax-id.js';
import { parties } from '../../store/parties.js';
import { Invalid, issue } from '../errors.js';

export function taxIdOrThrow(value: string): string {
  const result = normalizeTaxId(value);
  if (!result.ok) throw new Invalid('Invalid taxId: RUT check digit does not match', issue('taxId', 'RUT check digit does not match'));
  return result.value;
}

export async function checkParent(tenant: string, kind: PartyKind, parentId: string): Promise<void> {
  const expected = PARENT_KIND[kind];
  if (!expected) throw new Invalid(`A ${kind} party takes no parent`, issue('parentId', `A ${kind} party takes no parent`));
  const parent = await parties.require(tenant, parentId, 'Parent party');
  if (parent.kind !== expected) {
    throw new Invalid(`The parent of a ${kind} must be a ${expected}`, issue('parentId', `Must be a ${expected} party`));
  }
}
