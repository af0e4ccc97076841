import { describe, expect, it } from 'vitest';
import { ROLES } from '../../functions/routes.js';
import { DEFAULT_PAYMENT_METHODS, PAYMENT_METHOD_CODE } from '../../shared/domain/payment-methods.js';
import { PARTY_KINDS } from '../../shared/domain/parties.js';
import { rutCheckDigit } from '../../shared/domain/rut.js';
import { HttpError as AppError } from '../../shared/http/errors.js';
import { parseInput } from '../../shared/http/validation.js';
import { currencySchema, dateSchema, emailSchema, entityIdSchema, moneySchema } from '../../functions/ledger/schemas/fields.js';
import { normalizeTaxId } from '../../shared/domain/tax-id.js';
import { ROLE_PARTY_KIND } from '../../shared/ledger/catalogue/users.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';

describe('normalizeTaxId', () => {
  it('normalizes a RUT written with dots or a dash', () => {
    expect(normalizeTaxId('12.345.678-5')).toEqual({ ok: true, value: '12345678-5' });
    expect(normalizeTaxId(' 12345678-5 ')).toEqual({ ok: true, value: '12345678-5' });
    expect(normalizeTaxId(`76.086.428-${rutCheckDigit('76086428')}`)).toEqual({ ok: true, value: `76086428-${rutCheckDigit('76086428')}` });
  });

  it('rejects a RUT with the wrong check digit', () => {
    expect(normalizeTaxId('12.345.678-0')).toEqual({ ok: false });
    expect(normalizeTaxId('12345678-K')).toEqual({ ok: false });
  });

  it('checks a K check digit even without a dash', () => {
    let n = 10_000_000;
    while (rutCheckDigit(String(n)) !== 'K') n++;
    expect(normalizeTaxId(`${n}k`)).toEqual({ ok: true, value: `${n}-K` });
    expect(normalizeTaxId(`${n}-k`)).toEqual({ ok: true, value: `${n}-K` });
    expect(normalizeTaxId('12345678K')).toEqual({ ok: false });
  });

  it('keeps other tax ids as written (RUC, RFC, plain digit strings)', () => {
    expect(normalizeTaxId('20100047218')).toEqual({ ok: true, value: '20100047218' });
    expect(normalizeTaxId('XAXX010101000')).toEqual({ ok: true, value: 'XAXX010101000' });
    expect(normalizeTaxId('45678912')).toEqual({ ok: true, value: '45678912' });
    expect(normalizeTaxId('3-101-123456')).toEqual({ ok: true, value: '3-101-123456' });
  });
});

describe('request field schemas', () => {
  const parse = (schema: Parameters<typeof parseInput>[0], value: unknown) => {
    try {
      return { ok: true as const, value: parseInput(schema, value, 'body') };
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return { ok: false as const, error: error as AppError };
    }
  };

  it('takes amounts as integer minor units, bare or as {amount, currency}', () => {
    expect(parse(moneySchema(1), 15000)).toEqual({ ok: true, value: 15000 });
    expect(parse(moneySchema(1), { amount: 15000, currency: 'PEN' })).toEqual({ ok: true, value: { amount: 15000, currency: 'PEN' } });
    expect(parse(moneySchema(0), 0)).toEqual({ ok: true, value: 0 });
  });

  it('rejects fractional, negative, zero (when positive), string, unsafe and foreign-currency amounts', () => {
    for (const bad of [10.5, -1, '100', 2 ** 53, Number.NaN, { amount: 10.5, currency: 'PEN' }, { amount: 1, currency: 'EUR' }, { amount: 1 }, { amount: 1, currency: 'PEN', extra: 1 }]) {
      const result = parse(moneySchema(0), bad);
      expect(result.ok, JSON.stringify(bad)).toBe(false);
      if (!result.ok) expect(result.error.status).toBe(400);
    }
    expect(parse(moneySchema(1), 0).ok).toBe(false);
  });

  it('accepts exactly the ISO currencies Caja keeps', () => {
    for (const c of ['CLP', 'PEN', 'CRC', 'MXN', 'USD']) expect(parse(currencySchema(), c).ok).toBe(true);
    for (const c of ['EUR', 'pen', '', 'PENN']) expect(parse(currencySchema(), c).ok).toBe(false);
  });

  it('accepts only real calendar dates', () => {
    expect(parse(dateSchema(), '2024-02-29').ok).toBe(true);
    for (const d of ['2025-02-29', '2025-13-01', '2025-1-01', '01/02/2025']) expect(parse(dateSchema(), d).ok).toBe(false);
  });

  it('checks emails and entity ids', () => {
    expect(parse(emailSchema(), ' ana@example.com ')).toEqual({ ok: true, value: 'ana@example.com' });
    expect(parse(emailSchema(), 'not-an-email').ok).toBe(false);
    expect(parse(entityIdSchema(), '123456').ok).toBe(true);
    expect(parse(entityIdSchema(), 'payment-method:BCP').ok).toBe(true);
    expect(parse(entityIdSchema(), 'a b').ok).toBe(false);
    expect(parse(entityIdSchema(), '').ok).toBe(false);
  });
});

describe('Idempotency-Key header (one rule for all of Caja)', () => {
  it('accepts 8 to 100 visible ASCII characters and rejects anything else with a 400', () => {
    expect(idempotencyKeyHeader({ 'idempotency-key': 'abcdefgh' })).toBe('abcdefgh');
    expect(idempotencyKeyHeader({ 'idempotency-key': 'k'.repeat(100) })).toBe('k'.repeat(100));
    expect(idempotencyKeyHeader({})).toBeUndefined();
    for (const bad of ['short', 'k'.repeat(101), 'has space', 'ñandú-key-01']) {
      expect(() => idempotencyKeyHeader({ 'idempotency-key': bad }), bad).toThrow(expect.objectContaining({ status: 400 }));
    }
  });
});

describe('default payment-method catalogue', () => {
  it('has unique, well-formed codes', () => {
    const codes = DEFAULT_PAYMENT_METHODS.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(PAYMENT_METHOD_CODE);
  });

  it('names the methods of every dialect', () => {
    const of = (dialect: string) => DEFAULT_PAYMENT_METHODS.filter((m) => m.dialect === dialect).map((m) => m.code);
    expect(of('workorders')).toEqual(['BCP', 'EFECTIVO', 'LOS_ANDES', 'OTRO']);
    expect(of('accounts')).toEqual(expect.arrayContaining(['cash', 'transfer', 'check', 'other', 'system']));
    expect(of('communities')).toEqual(expect.arrayContaining(['transferencia', 'tarjeta', 'efectivo', 'cheque']));
    expect(of('receivables')).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('roles and party kinds', () => {
  it('maps each party-scoped role to an existing party kind', () => {
    for (const [role, kind] of Object.entries(ROLE_PARTY_KIND)) {
      expect(ROLES).toContain(role);
      expect(PARTY_KINDS).toContain(kind);
    }
  });
});
