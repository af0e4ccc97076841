import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRfc } from '../../shared/domain/receivables/rfc.js';
import { SAT_PAYMENT_FORMS, satPaymentFormName } from '../../shared/domain/receivables/sat-payment-forms.js';
import { parseSiiDocumentCode, SII_DOCUMENT_CODES, SII_DOCUMENT_TYPES } from '../../shared/domain/receivables/sii-documents.js';
import { parseCanonicalRut, rutCheckDigit } from '../../shared/domain/rut.js';

describe('RFC format', () => {
  it('accepts personas morales (3 letters) and físicas (4 letters), with Ñ and &', () => {
    expect(parseRfc('GIN140609RE5')).toEqual({ ok: true, rfc: 'GIN140609RE5', kind: 'moral' });
    expect(parseRfc('ACA0401281AA')).toEqual({ ok: true, rfc: 'ACA0401281AA', kind: 'moral' });
    expect(parseRfc('A&C010203AB1')).toEqual({ ok: true, rfc: 'A&C010203AB1', kind: 'moral' });
    expect(parseRfc('PEÑA850101AB0')).toEqual({ ok: true, rfc: 'PEÑA850101AB0', kind: 'fisica' });
    expect(parseRfc(' cauA680814iv1 ')).toEqual({ ok: true, rfc: 'CAUA680814IV1', kind: 'fisica' });
  });

  it('knows the generic RFCs', () => {
    expect(parseRfc('XAXX010101000')).toMatchObject({ ok: true, kind: 'generic_national' });
    expect(parseRfc('XEXX010101000')).toMatchObject({ ok: true, kind: 'generic_foreign' });
  });

  it('refuses malformed ones and impossible dates', () => {
    for (const value of ['', 'GI140609RE5', 'GINAB140609RE5', 'GIN14069RE5', 'GIN140609RE', 'GIN140609RE55', 'G1N140609RE5', 'GIN140609R-5', 'GIN140609REB']) {
      expect(parseRfc(value), value).toEqual({ ok: false, reason: 'malformed' });
    }
    expect(parseRfc('GIN141309RE5')).toEqual({ ok: false, reason: 'invalid_date' });
    expect(parseRfc('GIN140230RE5')).toEqual({ ok: false, reason: 'invalid_date' });
    expect(parseRfc('GIN000229RE5')).toMatchObject({ ok: true }); // 2000 was a leap year
    expect(parseRfc('GIN010229RE5')).toEqual({ ok: false, reason: 'invalid_date' });
  });
});

describe('RUT in the receivables form 99999999-9', () => {
  it('accepts the document\'s RUTs and a K check digit (either case)', () => {
    expect(parseCanonicalRut('76453707-6')).toEqual({ ok: true, rut: '76453707-6' });
    expect(parseCanonicalRut('11111111-1')).toEqual({ ok: true, rut: '11111111-1' });
    const body = '10000013'; // check digit K
    expect(rutCheckDigit(body)).toBe('K');
    expect(parseCanonicalRut(`${body}-k`)).toEqual({ ok: true, rut: `${body}-K` });
  });

  it('tells a wrong check digit from a badly written RUT', () => {
    expect(parseCanonicalRut('76453707-5')).toEqual({ ok: false, reason: 'wrong_check_digit' });
    for (const value of ['76.453.707-6', '764537076', '76453707 6', '076453707-6', '-6', '76453707-', 'ABC-1', '11111111-1&', ' 76453707-6']) {
      expect(parseCanonicalRut(value), value).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('accepts exactly one check digit per body', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), fc.constantFrom(...'0123456789K'), (n, digit) => {
        const result = parseCanonicalRut(`${n}-${digit}`);
        expect(result.ok).toBe(digit === rutCheckDigit(String(n)));
      }),
    );
  });
});

describe('SII document codes', () => {
  it('names the six accepted types', () => {
    expect(SII_DOCUMENT_CODES).toEqual(['33', '34', '39', '41', '56', '61']);
    expect(SII_DOCUMENT_TYPES['33']).toBe('Factura electrónica');
    expect(SII_DOCUMENT_TYPES['61']).toBe('Nota de crédito electrónica');
  });

  it('reads codes sent as numbers or strings, and nothing else', () => {
    expect(parseSiiDocumentCode(33)).toBe('33');
    expect(parseSiiDocumentCode('56')).toBe('56');
    for (const value of [35, '35', 33.5, '033', ' 33', '', null, undefined, {}, ['33'], 'toString', '__proto__']) {
      expect(parseSiiDocumentCode(value), String(value)).toBeNull();
    }
  });
});

describe('SAT c_FormaPago', () => {
  it('maps codes to method names', () => {
    expect(satPaymentFormName('01')).toBe('Efectivo');
    expect(satPaymentFormName('03')).toBe('Transferencia electrónica de fondos');
    expect(satPaymentFormName('04')).toBe('Tarjeta de crédito');
    expect(satPaymentFormName('28')).toBe('Tarjeta de débito');
    expect(satPaymentFormName('99')).toBe('Por definir');
    expect(Object.keys(SAT_PAYMENT_FORMS)).toHaveLength(22);
  });

  it('knows no codes outside the catalogue', () => {
    for (const code of ['07', '09', '1', '3', '100', '', 'constructor']) expect(satPaymentFormName(code), code).toBeNull();
  });
});
