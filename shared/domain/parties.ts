import type { Currency } from './money.js';

export const PARTY_KINDS = ['client', 'employee', 'resident', 'banca', 'ventana', 'vendedor', 'community', 'contract'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** The kind a party's parent must have, for kinds that have one. */
export const PARENT_KIND: Partial<Record<PartyKind, PartyKind>> = {
  ventana: 'banca',
  vendedor: 'ventana',
  contract: 'community',
  resident: 'contract',
};

/**
 * The remaining balance an accounts entity (banca, ventana, vendedor) carried in from before Caja,
 * counted from `date` on (issue 13 item 14): signed minor units of the tenant's currency, what the
 * entity owes (negative: what it is owed). At most one per entity; setting it again replaces it.
 */
export interface OpeningBalance {
  amount: number;
  currency: Currency;
  date: string;
}

export interface Party {
  id: string;
  kind: PartyKind;
  name: string;
  taxId?: string;
  email?: string;
  parentId?: string;
  externalId?: string;
  /** Accounts entities only. */
  openingBalance?: OpeningBalance;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}
