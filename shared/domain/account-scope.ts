/**
 * Who may act on which account (seed 001), as pure functions over the banca → ventana → vendedor
 * tree. The service loads the target party (and, when needed, its ancestors) and asks here.
 *
 * - ADMIN: any entity of its tenant; must name a dimension (no default).
 * - BANCA: its own banca, that banca's ventanas and their vendedores. No dimension → its own banca.
 * - VENTANA: its own ventana and that ventana's vendedores. No dimension → its own ventana.
 * - VENDEDOR: never writes (seed 001: "VENDEDOR: Not authorized"). It may READ its own vendedor
 *   account (statement and payment history) and nothing else: the route table grants the role on
 *   the read routes and a seller looking at their own account is what that user expects; the
 *   original's "always 403" only ever concerned registering payments. No dimension → its own vendedor.
 *
 * Out-of-scope entities named by a dimension are 403 (seed: "403: RBAC violation"), for every role
 * and every endpoint; ids that do not exist in the caller's tenant (including other tenants' ids)
 * are 404.
 */
import type { Role } from '../auth/roles.js';

export const ACCOUNT_KINDS = ['banca', 'ventana', 'vendedor'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** The request field that names each kind. */
export const DIMENSION_FIELD = { banca: 'bancaId', ventana: 'ventanaId', vendedor: 'vendedorId' } as const satisfies Record<
  AccountKind,
  string
>;
export type DimensionField = (typeof DIMENSION_FIELD)[AccountKind];
export const DIMENSION_FIELDS = Object.values(DIMENSION_FIELD) as DimensionField[];

export type Dimensions = Partial<Record<DimensionField, string | undefined>>;

export const ACCOUNT_ROLES = ['ADMIN', 'BANCA', 'VENTANA', 'VENDEDOR'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export interface AccountActor {
  role: AccountRole;
  /** The party the user acts as (its banca, ventana or vendedor); ADMIN needs none. */
  party?: string;
}

export interface ScopeNode {
  id: string;
  kind: string;
  parentId?: string;
}

export type Access = 'read' | 'write';

/** The most privileged accounts role a user holds (a user may sit in several groups). */
export function accountActor(principal: { roles: readonly Role[]; party?: string }): AccountActor | undefined {
  const role = ACCOUNT_ROLES.find((r) => principal.roles.includes(r));
  if (!role) return undefined;
  return { role, ...(principal.party ? { party: principal.party } : {}) };
}

/** Whether the role may use an endpoint of this access at all (before looking at any entity). */
export function roleMay(actor: AccountActor, access: Access): boolean {
  if (actor.role === 'ADMIN') return true;
  if (!actor.party) return false; // a scoped role without a party has no scope
  return access === 'read' || actor.role !== 'VENDEDOR';
}

export type DimensionResult =
  | { ok: true; kind: AccountKind; id: string; defaulted: boolean }
  | { ok: false; reason: 'missing' | 'multiple'; fields: DimensionField[] };

const DEFAULT_KIND: Record<AccountRole, AccountKind | undefined> = {
  ADMIN: undefined,
  BANCA: 'banca',
  VENTANA: 'ventana',
  VENDEDOR: 'vendedor',
};

/**
 * Exactly one dimension. A scoped role naming none is taken to mean its own entity (the original
 * forced a VENTANA to its own ventana); ADMIN has no own entity, so none is MISSING_DIMENSION.
 */
export function resolveDimension(named: Dimensions, actor: AccountActor): DimensionResult {
  const given = ACCOUNT_KINDS.filter((kind) => named[DIMENSION_FIELD[kind]] !== undefined);
  if (given.length > 1) return { ok: false, reason: 'multiple', fields: given.map((k) => DIMENSION_FIELD[k]) };
  const kind = given[0];
  if (kind) return { ok: true, kind, id: named[DIMENSION_FIELD[kind]] as string, defaulted: false };
  const own = DEFAULT_KIND[actor.role];
  if (own && actor.party) return { ok: true, kind: own, id: actor.party, defaulted: true };
  return { ok: false, reason: 'missing', fields: [] };
}

/** How many ancestors of `target` the check needs (BANCA judging a vendedor needs its ventana). */
export function ancestorsNeeded(actor: AccountActor, target: ScopeNode): number {
  return actor.role === 'BANCA' && target.kind === 'vendedor' ? 1 : 0;
}

/**
 * Whether `actor` may read or write the account of `target`. `ancestors` is the target's parent
 * chain, nearest first, as far as `ancestorsNeeded` says; a chain that does not link up is denied.
 */
export function mayAccess(actor: AccountActor, access: Access, target: ScopeNode, ancestors: readonly ScopeNode[] = []): boolean {
  if (!roleMay(actor, access)) return false;
  const me = actor.party;
  switch (actor.role) {
    case 'ADMIN':
      return true;
    case 'VENDEDOR':
      return target.kind === 'vendedor' && target.id === me;
    case 'VENTANA':
      return (target.kind === 'ventana' && target.id === me) || (target.kind === 'vendedor' && target.parentId === me);
    case 'BANCA': {
      if (target.kind === 'banca') return target.id === me;
      if (target.kind === 'ventana') return target.parentId === me;
      if (target.kind === 'vendedor') {
        const ventana = ancestors[0];
        return (
          ventana !== undefined &&
          ventana.id === target.parentId &&
          ventana.kind === 'ventana' &&
          ventana.parentId === me
        );
      }
      return false;
    }
  }
}
