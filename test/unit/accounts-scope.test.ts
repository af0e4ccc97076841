/** Accounts authorization over the banca → ventana → vendedor tree (shared/domain/account-scope.ts). */
import { describe, expect, it } from 'vitest';
import {
  type AccountActor,
  accountActor,
  ancestorsNeeded,
  mayAccess,
  resolveDimension,
  roleMay,
  type ScopeNode,
} from '../../shared/domain/account-scope.js';

// Two bancas: B1 → V1 (→ S1), V2 (→ S2); B2 → V3 (→ S3).
const B1: ScopeNode = { id: '10', kind: 'banca' };
const B2: ScopeNode = { id: '20', kind: 'banca' };
const V1: ScopeNode = { id: '11', kind: 'ventana', parentId: '10' };
const V2: ScopeNode = { id: '12', kind: 'ventana', parentId: '10' };
const V3: ScopeNode = { id: '21', kind: 'ventana', parentId: '20' };
const S1: ScopeNode = { id: '111', kind: 'vendedor', parentId: '11' };
const S2: ScopeNode = { id: '121', kind: 'vendedor', parentId: '12' };
const S3: ScopeNode = { id: '211', kind: 'vendedor', parentId: '21' };
const parentOf: Record<string, ScopeNode> = { '11': V1, '12': V2, '21': V3, '10': B1, '20': B2 };

const admin: AccountActor = { role: 'ADMIN' };
const banca1: AccountActor = { role: 'BANCA', party: '10' };
const ventana1: AccountActor = { role: 'VENTANA', party: '11' };
const vendedor1: AccountActor = { role: 'VENDEDOR', party: '111' };

/** What the service does: load as many ancestors as the check needs. */
function allowed(actor: AccountActor, access: 'read' | 'write', target: ScopeNode): boolean {
  const ancestors: ScopeNode[] = [];
  let next = target.parentId;
  for (let i = 0; i < ancestorsNeeded(actor, target) && next; i++) {
    const parent = parentOf[next]!;
    ancestors.push(parent);
    next = parent.parentId;
  }
  return mayAccess(actor, access, target, ancestors);
}

const ALL = [B1, B2, V1, V2, V3, S1, S2, S3];
const allowedSet = (actor: AccountActor, access: 'read' | 'write') => ALL.filter((n) => allowed(actor, access, n)).map((n) => n.id);

describe('mayAccess', () => {
  it('ADMIN: everything', () => {
    expect(allowedSet(admin, 'write')).toEqual(ALL.map((n) => n.id));
  });

  it('BANCA: its banca, its ventanas and their vendedores only', () => {
    expect(allowedSet(banca1, 'write')).toEqual(['10', '11', '12', '111', '121']);
    expect(allowedSet(banca1, 'read')).toEqual(['10', '11', '12', '111', '121']);
  });

  it('VENTANA: its ventana and its vendedores only (not its banca, not a sibling ventana or its sellers)', () => {
    expect(allowedSet(ventana1, 'write')).toEqual(['11', '111']);
  });

  it('VENDEDOR: never writes; reads only its own account', () => {
    expect(allowedSet(vendedor1, 'write')).toEqual([]);
    expect(allowedSet(vendedor1, 'read')).toEqual(['111']);
  });

  it('a scoped role without a party has no scope at all', () => {
    for (const role of ['BANCA', 'VENTANA', 'VENDEDOR'] as const) {
      expect(roleMay({ role }, 'read')).toBe(false);
      expect(allowedSet({ role }, 'read')).toEqual([]);
    }
  });

  it('BANCA: a vendedor whose ancestry does not link up is denied', () => {
    // The ventana given is not the vendedor's parent.
    expect(mayAccess(banca1, 'read', S1, [V2])).toBe(false);
    expect(mayAccess(banca1, 'read', S1, [])).toBe(false);
    expect(mayAccess(banca1, 'read', S3, [V3])).toBe(false);
    // A "ventana" that is really a banca does not count.
    expect(mayAccess(banca1, 'read', { id: '9', kind: 'vendedor', parentId: '10' }, [B1])).toBe(false);
  });

  it('kinds outside the network are never in a scoped role’s scope', () => {
    expect(mayAccess(banca1, 'read', { id: '10', kind: 'client' })).toBe(false);
    expect(mayAccess(ventana1, 'read', { id: '11', kind: 'employee' })).toBe(false);
  });
});

describe('resolveDimension', () => {
  it('exactly one dimension is taken as named', () => {
    expect(resolveDimension({ ventanaId: '11' }, admin)).toEqual({ ok: true, kind: 'ventana', id: '11', defaulted: false });
    expect(resolveDimension({ vendedorId: '111' }, ventana1)).toEqual({ ok: true, kind: 'vendedor', id: '111', defaulted: false });
  });

  it('none: ADMIN must name one (MISSING_DIMENSION); a scoped role gets its own entity', () => {
    expect(resolveDimension({}, admin)).toEqual({ ok: false, reason: 'missing', fields: [] });
    expect(resolveDimension({}, banca1)).toMatchObject({ ok: true, kind: 'banca', id: '10', defaulted: true });
    expect(resolveDimension({}, ventana1)).toMatchObject({ ok: true, kind: 'ventana', id: '11', defaulted: true });
    expect(resolveDimension({}, vendedor1)).toMatchObject({ ok: true, kind: 'vendedor', id: '111', defaulted: true });
    expect(resolveDimension({}, { role: 'VENTANA' })).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('several: rejected, naming them', () => {
    expect(resolveDimension({ bancaId: '10', vendedorId: '111' }, admin)).toEqual({
      ok: false,
      reason: 'multiple',
      fields: ['bancaId', 'vendedorId'],
    });
  });
});

describe('accountActor', () => {
  it('takes the most privileged accounts role', () => {
    expect(accountActor({ roles: ['VENTANA', 'ADMIN'] })).toEqual({ role: 'ADMIN' });
    expect(accountActor({ roles: ['VENDEDOR', 'BANCA'], party: '10' })).toEqual({ role: 'BANCA', party: '10' });
    expect(accountActor({ roles: ['EMPLOYEE'] })).toBeUndefined();
  });
});
