/** Rules a charge's fields follow, for create and update alike. */
import type { Currency } from '../../domain/money.js';
import { parties } from '../../store/parties.js';
import { Invalid, issue, NotFound } from '../errors.js';

/** An amount in minor units, bare or as `{amount, currency}` (how the ledger API renders money). */
export type MoneyInput = number | { amount: number; currency: Currency };

export const minorOf = (value: MoneyInput): number => (typeof value === 'number' ? value : value.amount);
const currencyOf = (value: MoneyInput | null | undefined): Currency | undefined =>
  value !== null && typeof value === 'object' ? value.currency : undefined;

/** The one currency a command names, through `currency` and the money objects; Invalid if they disagree. */
export function resolveCurrency(
  fields: { currency?: Currency | undefined; amount?: MoneyInput | undefined; lateFee?: MoneyInput | null | undefined },
  fallback?: Currency,
): Currency | undefined {
  const named = [
    ['currency', fields.currency],
    ['amount.currency', currencyOf(fields.amount)],
    ['lateFee.currency', currencyOf(fields.lateFee)],
  ].filter((entry): entry is [string, Currency] => entry[1] !== undefined);
  const currency = named[0]?.[1] ?? fallback;
  const mismatch = named.find(([, c]) => c !== currency);
  if (mismatch) throw new Invalid(`Invalid body: ${mismatch[0]}: must be ${currency}`, issue(mismatch[0], `Must be ${currency}, the charge's currency`));
  return currency;
}

export function checkDates(issueDate: string | undefined, dueDate: string | undefined): void {
  if (issueDate !== undefined && dueDate !== undefined && dueDate < issueDate) {
    throw new Invalid('Invalid body: dueDate: must not be before issueDate', issue('dueDate', 'Must not be before issueDate'));
  }
}

/** The party a charge belongs to (404), and its community/contract, which must be parties of that kind. */
export async function checkChargeParties(
  tenant: string,
  refs: { partyId?: string | undefined; communityId?: string | undefined; contractId?: string | undefined },
): Promise<void> {
  const wanted = (
    [
      ['partyId', refs.partyId, undefined, 'Party'],
      ['communityId', refs.communityId, 'community', 'Community'],
      ['contractId', refs.contractId, 'contract', 'Contract'],
    ] as const
  ).filter((entry) => entry[1] !== undefined);
  if (wanted.length === 0) return;
  const found = await parties.getMany(tenant, wanted.map((entry) => entry[1]!));
  wanted.forEach(([field, , kind, label], i) => {
    const party = found[i];
    if (!party) throw new NotFound(label);
    if (kind && party.kind !== kind) throw new Invalid(`Invalid body: ${field}: must be a ${kind} party`, issue(field, `Must be a ${kind} party`));
  });
}
