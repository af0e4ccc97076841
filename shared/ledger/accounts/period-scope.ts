/**
 * Which entities a period statement covers (issue 13 item 9): `dimension` says their kind, `scope`
 * how they are chosen, an optional narrowing id where from.
 *
 * - `mine`: the caller's own entity (BANCA, VENTANA, VENDEDOR; `dimension` must be its kind; ADMIN has none: 400).
 * - `ventana`: the vendedores of one ventana (`dimension=vendedor`): a VENTANA's own, others name `ventanaId`.
 * - `all`: every entity of the dimension the caller may see (ADMIN the tenant, BANCA its banca, VENTANA its
 *   ventana, VENDEDOR itself), narrowed by at most one of `bancaId`, `ventanaId`, `vendedorId`.
 *
 * The narrowing (or the caller's own) entity is loaded with the same access rules as the day form
 * (404 outside the tenant, 403 outside the caller's scope), then expanded down the banca → ventana →
 * vendedor tree with the parties' index queries; never more than MAX_PERIOD_ENTITIES (400 naming it).
 */
import { type AccountActor, type AccountKind, DIMENSION_FIELD, type Dimensions } from '../../domain/account-scope.js';
import type { Party } from '../../domain/parties.js';
import { childrenOfParty, partiesOfTenant } from '../../store/access-patterns.js';
import { parties } from '../../store/parties.js';
import { Forbidden, Invalid, issue } from '../errors.js';
import { type AccountEntity, loadEntity } from './access.js';

export const PERIOD_SCOPES = ['mine', 'ventana', 'all'] as const;
export type PeriodScope = (typeof PERIOD_SCOPES)[number];

/** Most entities one period request covers. */
export const MAX_PERIOD_ENTITIES = 500;

const DEPTH: Record<AccountKind, number> = { banca: 0, ventana: 1, vendedor: 2 };
const CHILD: Record<AccountKind, AccountKind | undefined> = { banca: 'ventana', ventana: 'vendedor', vendedor: undefined };
const OWN_KIND: Partial<Record<AccountActor['role'], AccountKind>> = { BANCA: 'banca', VENTANA: 'ventana', VENDEDOR: 'vendedor' };

const tooMany = () =>
  new Invalid(
    `The scope covers more than ${MAX_PERIOD_ENTITIES} entities; the limit is ${MAX_PERIOD_ENTITIES} per request: narrow it with bancaId or ventanaId`,
    issue('scope', `At most ${MAX_PERIOD_ENTITIES} entities per request`),
    'TOO_MANY_ENTITIES',
  );

/** Parties of `kind` under `parentId` (or in the whole tenant), read until past the limit. */
async function partiesOf(tenant: string, kind: AccountKind, parentId: string | undefined): Promise<Party[]> {
  const found: Party[] = [];
  let cursor: string | undefined;
  do {
    const request = { limit: MAX_PERIOD_ENTITIES + 1, cursor };
    const page = parentId
      ? await parties.list(tenant, childrenOfParty, { parentId, kind }, request)
      : await parties.list(tenant, partiesOfTenant, { kind }, request);
    found.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && found.length <= MAX_PERIOD_ENTITIES);
  if (found.length > MAX_PERIOD_ENTITIES) throw tooMany();
  return found;
}

/** The entities of `dimension` at or under `from` (the whole tenant when none). */
async function expand(tenant: string, from: Party | undefined, dimension: AccountKind): Promise<Party[]> {
  if (!from) return partiesOf(tenant, dimension, undefined);
  if (from.kind === dimension) return [from];
  const children = await partiesOf(tenant, CHILD[from.kind as AccountKind]!, from.id);
  if (CHILD[from.kind as AccountKind] === dimension) return children;
  const all: Party[] = [];
  for (const child of children) {
    all.push(...(await partiesOf(tenant, dimension, child.id)));
    if (all.length > MAX_PERIOD_ENTITIES) throw tooMany();
  }
  return all;
}

const invalid = (field: string, message: string) => new Invalid(`Invalid query: ${field}: ${message}`, issue(field, message));

export interface ScopeQuery extends Dimensions {
  dimension: AccountKind;
  scope: PeriodScope;
}

/** The entities covered, in index order, and the entity the scope hangs from (none: the whole tenant). */
export async function resolvePeriodScope(tenant: string, actor: AccountActor, query: ScopeQuery): Promise<{ entities: Party[]; anchor?: AccountEntity }> {
  const named = (Object.entries(DIMENSION_FIELD) as [AccountKind, keyof Dimensions][]).filter(([, field]) => query[field] !== undefined);
  if (named.length > 1) throw invalid(named.map(([, f]) => f).join('|'), 'Name at most one of bancaId, ventanaId, vendedorId');
  const own = OWN_KIND[actor.role];
  const load = (kind: AccountKind, id: string) => loadEntity(tenant, actor, { kind, id }, 'read', false);
  let anchor: AccountEntity | undefined;
  let defaulted = false;
  switch (query.scope) {
    case 'mine':
      if (!own || !actor.party) throw invalid('scope', 'ADMIN has no entity of its own: use scope=all');
      if (named.length > 0) throw invalid(named[0]![1], 'Not taken with scope=mine');
      if (query.dimension !== own) throw invalid('dimension', `Must be ${own} with scope=mine`);
      anchor = await load(own, actor.party);
      break;
    case 'ventana': {
      if (query.dimension !== 'vendedor') throw invalid('dimension', 'Must be vendedor with scope=ventana');
      if (named.length > 0 && named[0]![0] !== 'ventana') throw invalid(named[0]![1], 'Only ventanaId is taken with scope=ventana');
      const ventanaId = query.ventanaId ?? (actor.role === 'VENTANA' ? actor.party : undefined);
      if (!ventanaId) throw invalid('ventanaId', 'Required with scope=ventana');
      anchor = await load('ventana', ventanaId);
      break;
    }
    case 'all': {
      const [kind, field] = named[0] ?? [];
      if (kind && field) anchor = await load(kind, query[field] as string);
      else if (own && actor.party) {
        anchor = await load(own, actor.party);
        defaulted = true;
      }
      break;
    }
  }
  if (anchor && DEPTH[anchor.kind] > DEPTH[query.dimension]) {
    if (defaulted) throw new Forbidden(`Not allowed to see ${query.dimension} statements`);
    throw invalid(DIMENSION_FIELD[anchor.kind], `A ${anchor.kind} cannot be narrowed to ${query.dimension}s`);
  }
  return { entities: await expand(tenant, anchor?.party, query.dimension), ...(anchor ? { anchor } : {}) };
}
