export const PARTY_KINDS = ['client', 'employee', 'resident', 'banca', 'ventana', 'vendedor', 'community', 'contract'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** The kind a party's parent must have, for kinds that have one. */
export const PARENT_KIND: Partial<Record<PartyKind, PartyKind>> = {
  ventana: 'banca',
  vendedor: 'ventana',
  contract: 'community',
  resident: 'contract',
};

export interface Party {
  id: string;
  kind: PartyKind;
  name: string;
  taxId?: string;
  email?: string;
  parentId?: string;
  externalId?: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}
