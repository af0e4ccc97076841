import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCfdiPaymentReceipt, type CfdiParseResult, type CfdiPaymentReceipt } from '../../shared/domain/receivables/cfdi-receipt.js';
import { receiptBase64, receiptXml, seedSampleBase64, toBase64, type ReceiptSpec } from './fixtures/cfdi-receipts.js';

function parsed(spec: ReceiptSpec): CfdiPaymentReceipt {
  const result = parseCfdiPaymentReceipt(receiptBase64(spec));
  if (!result.ok) throw new Error(`expected a receipt, got ${result.reason}: ${result.message}`);
  return result.receipt;
}

function refused(result: CfdiParseResult): { reason: string; message: string; path?: string } {
  if (result.ok) throw new Error('expected the receipt to be refused');
  return result;
}

const mxnDocument = (paid: string) => ({ paid, previous: paid, remaining: '0.00' });

describe('the seed 004 sample (CFDI 3.3, Pagos 1.0)', () => {
  const receipt = (() => {
    const result = parseCfdiPaymentReceipt(seedSampleBase64());
    if (!result.ok) throw new Error(result.message);
    return result.receipt;
  })();

  it('reads the header, parties and stamp', () => {
    expect(receipt).toMatchObject({
      version: '3.3',
      paymentsVersion: '1.0',
      uuid: 'A664128B-8DD9-46C7-B78F-A415326986D7',
      stampedAt: '2019-06-03T15:52:34',
      series: 'C',
      folio: '4079',
      issuer: { rfc: 'GIN140609RE5', name: 'GOMSA INTEGRADORA SAPI DE CV' },
      recipient: { rfc: 'ACA0401281AA', name: 'AB CALSA, S.A. DE C.V.' },
    });
    expect(receipt.totalPaymentsMxn).toBeUndefined();
  });

  it('reads its one payment of 7116.12 MXN by transfer over seven documents', () => {
    expect(receipt.payments).toHaveLength(1);
    const [payment] = receipt.payments;
    expect(payment).toMatchObject({
      paidAt: '2019-05-29T12:00:00',
      date: '2019-05-29',
      paymentForm: '03',
      paymentMethodName: 'Transferencia electrónica de fondos',
      currency: 'MXN',
      amount: 711612,
    });
    expect(payment?.documents.map((d) => [d.folio, d.amountPaid])).toEqual([
      ['12555', 95796], ['12557', 89316], ['12558', 95796], ['12751', 95796],
      ['13230', 95796], ['13237', 149796], ['13522', 89316],
    ]);
    expect(payment?.documents[0]).toEqual({
      documentId: '7B3367B8-FBB4-47C2-8E33-A640D4FC8C8E',
      series: 'FIGI',
      folio: '12555',
      currency: 'MXN',
      installment: 1,
      previousBalance: 95796,
      amountPaid: 95796,
      remainingBalance: 0,
      amountInPaymentCurrency: 95796,
    });
  });

  it('reads the same with the base64 wrapped at 76 characters, as encoders do', () => {
    const wrapped = seedSampleBase64().replace(/.{76}/g, '$&\r\n');
    expect(parseCfdiPaymentReceipt(wrapped)).toEqual({ ok: true, receipt });
  });
});

describe('CFDI 4.0 with Pagos 2.0', () => {
  it('reads a single payment, its Totales and a lower-case document UUID (upper-cased)', () => {
    const receipt = parsed({
      uuid: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      payments: [{ amount: '1500.50', form: '28', operation: 'OP-991', documents: [{ id: '0f8fad5b-d9cb-469f-a165-70867728950e', previous: '2000.00', paid: '1500.50', remaining: '499.50' }] }],
    });
    expect(receipt).toMatchObject({ version: '4.0', paymentsVersion: '2.0', uuid: 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D', totalPaymentsMxn: 150050 });
    expect(receipt.recipient).toEqual({ rfc: 'ACA0401281AA', name: 'AB CALSA & ASOCIADOS' });
    expect(receipt.payments[0]).toMatchObject({ paymentForm: '28', paymentMethodName: 'Tarjeta de débito', exchangeRate: '1', amount: 150050, operationNumber: 'OP-991' });
    expect(receipt.payments[0]?.documents[0]).toMatchObject({
      documentId: '0F8FAD5B-D9CB-469F-A165-70867728950E', previousBalance: 200000, amountPaid: 150050, remainingBalance: 49950, amountInPaymentCurrency: 150050,
    });
  });

  it('reads several Pago nodes, each with its documents, against one MontoTotalPagos', () => {
    const receipt = parsed({
      payments: [
        { amount: '300.00', date: '2024-05-01T09:00:00', documents: [mxnDocument('100.00'), mxnDocument('200.00')] },
        { amount: '45.10', form: '01', date: '2024-05-02T18:30:00', documents: [mxnDocument('45.10')] },
      ],
    });
    expect(receipt.totalPaymentsMxn).toBe(34510);
    expect(receipt.payments.map((p) => [p.date, p.paymentMethodName, p.amount, p.documents.length])).toEqual([
      ['2024-05-01', 'Transferencia electrónica de fondos', 30000, 2],
      ['2024-05-02', 'Efectivo', 4510, 1],
    ]);
  });

  it('converts a document in another currency with its EquivalenciaDR, exactly', () => {
    // 100.00 USD at 17.5 MXN/USD: 875.00 MXN of an MXN invoice (EquivalenciaDR 17.5 MXN per USD) and 50.00 USD of a USD one.
    const receipt = parsed({
      totalPayments: '1750.00',
      payments: [{ amount: '100.00', currency: 'USD', rate: '17.5', documents: [
        { currency: 'MXN', rate: '17.5', ...mxnDocument('875.00') },
        { currency: 'USD', rate: '1', ...mxnDocument('50.00') },
      ] }],
    });
    const [payment] = receipt.payments;
    expect(payment?.documents.map((d) => [d.currency, d.amountPaid, d.exchangeRate, d.amountInPaymentCurrency])).toEqual([
      ['MXN', 87500, '17.5', 5000],
      ['USD', 5000, '1', 5000],
    ]);
    expect(receipt.totalPaymentsMxn).toBe(175000);
  });

  it('accepts the issuer\'s rounding of a converted document and apportions Monto exactly', () => {
    // 171.23 / 17.123456 = 9.99979… USD: written as 10.00. Two such documents: 20.00.
    const receipt = parsed({
      totalPayments: '340.00',
      payments: [{ amount: '20.00', currency: 'USD', rate: '17.00', documents: [
        { currency: 'MXN', rate: '17.123456', ...mxnDocument('171.23') },
        { currency: 'MXN', rate: '17.123456', ...mxnDocument('171.24') },
      ] }],
    });
    const shares = receipt.payments[0]?.documents.map((d) => d.amountInPaymentCurrency);
    expect(shares).toEqual([1000, 1000]);
  });

  it('refuses a converted sum off by more than the rounding tolerance', () => {
    const result = parseCfdiPaymentReceipt(receiptBase64({
      totalPayments: '171.70',
      payments: [{ amount: '10.10', currency: 'USD', rate: '17.00', documents: [{ currency: 'MXN', rate: '17.123456', ...mxnDocument('171.23') }] }],
    }));
    expect(refused(result)).toMatchObject({ reason: 'amount_mismatch', path: 'Pago[0].Monto' });
  });

  it('refuses a document in another currency without an exchange rate, naming it', () => {
    const result = parseCfdiPaymentReceipt(receiptBase64({
      totalPayments: '1750.00',
      payments: [{ amount: '100.00', currency: 'USD', rate: '17.5', documents: [{ currency: 'USD', ...mxnDocument('50.00'), rate: '1' }, { currency: 'MXN', ...mxnDocument('875.00') }] }],
    }));
    expect(refused(result)).toMatchObject({ reason: 'missing_exchange_rate', path: 'Pago[0].DoctoRelacionado[1]' });
  });

  it('refuses an EquivalenciaDR other than 1 for a document in the payment currency', () => {
    const result = parseCfdiPaymentReceipt(receiptBase64({ payments: [{ amount: '10.00', documents: [{ rate: '2', ...mxnDocument('10.00') }] }] }));
    expect(refused(result).reason).toBe('invalid_exchange_rate');
  });

  it('refuses a TipoCambioP other than 1 for MXN, and a missing one', () => {
    expect(refused(parseCfdiPaymentReceipt(receiptBase64({ payments: [{ amount: '10.00', rate: '1.5', documents: [mxnDocument('10.00')] }] }))).reason)
      .toBe('invalid_exchange_rate');
    expect(refused(parseCfdiPaymentReceipt(receiptBase64({ payments: [{ amount: '10.00', rate: null, documents: [mxnDocument('10.00')] }] }))))
      .toMatchObject({ reason: 'missing_exchange_rate', path: 'Pago[0].TipoCambioP' });
  });

  it('checks Totales: present, and MontoTotalPagos = Σ Monto × TipoCambioP', () => {
    const one = { amount: '10.00', documents: [mxnDocument('10.00')] };
    expect(refused(parseCfdiPaymentReceipt(receiptBase64({ totalPayments: null, payments: [one] })))).toMatchObject({ reason: 'missing_field', path: 'Pagos.Totales' });
    expect(refused(parseCfdiPaymentReceipt(receiptBase64({ totalPayments: '10.01', payments: [one] })))).toMatchObject({ reason: 'totals_mismatch' });
    const usd = { amount: '10.00', currency: 'USD', rate: '17.123456', documents: [{ currency: 'USD', rate: '1', ...mxnDocument('10.00') }] };
    expect(parsed({ totalPayments: '171.23', payments: [usd] }).totalPaymentsMxn).toBe(17123); // 171.23456 rounded
    expect(refused(parseCfdiPaymentReceipt(receiptBase64({ totalPayments: '171.25', payments: [usd] }))).reason).toBe('totals_mismatch');
  });
});

describe('consistency checks', () => {
  it('refuses ImpSaldoInsoluto ≠ ImpSaldoAnt − ImpPagado', () => {
    const result = parseCfdiPaymentReceipt(receiptBase64({ payments: [{ amount: '400.00', documents: [{ previous: '1000.00', paid: '400.00', remaining: '500.00' }] }] }));
    expect(refused(result)).toMatchObject({ reason: 'balance_mismatch', path: 'Pago[0].DoctoRelacionado[0].ImpSaldoInsoluto' });
  });

  it('refuses paying more than the previous balance', () => {
    const result = parseCfdiPaymentReceipt(receiptBase64({ payments: [{ amount: '400.00', documents: [{ previous: '300.00', paid: '400.00', remaining: '0.00' }] }] }));
    expect(refused(result).reason).toBe('balance_mismatch');
  });

  it('refuses documents that do not add up to Monto, either way', () => {
    for (const amount of ['90.01', '89.99']) {
      const result = parseCfdiPaymentReceipt(receiptBase64({ payments: [{ amount, documents: [mxnDocument('60.00'), mxnDocument('30.00')] }] }));
      expect(refused(result)).toMatchObject({ reason: 'amount_mismatch', path: 'Pago[0].Monto' });
    }
  });

  it('refuses a zero ImpPagado, amounts with more decimals than the currency, and negative amounts', () => {
    const cases: Array<[ReceiptSpec, string]> = [
      [{ payments: [{ amount: '0.00', documents: [mxnDocument('0.00')] }] }, 'Pago[0].Monto'],
      [{ payments: [{ amount: '10.001', documents: [mxnDocument('10.001')] }] }, 'Pago[0].Monto'],
      [{ payments: [{ amount: '-10.00', documents: [mxnDocument('-10.00')] }] }, 'Pago[0].Monto'],
    ];
    for (const [spec, path] of cases) expect(refused(parseCfdiPaymentReceipt(receiptBase64(spec)))).toMatchObject({ reason: 'invalid_field', path });
  });

  it('names a FormaDePagoP outside the catalogue, a bad FechaPago and a malformed RFC', () => {
    const doc = [mxnDocument('10.00')];
    expect(refused(parseCfdiPaymentReceipt(receiptBase64({ payments: [{ amount: '10.00', form: '07', documents: doc }] }))))
      .toMatchObject({ reason: 'invalid_field', path: 'Pago[0].FormaDePagoP' });
    expect(refused(parseCfdiPaymentReceipt(receiptBase64({ payments: [{ amount: '10.00', date: '2024-02-30T10:00:00', documents: doc }] }))))
      .toMatchObject({ reason: 'invalid_field', path: 'Pago[0].FechaPago' });
    const badRfc = receiptXml({ payments: [{ amount: '10.00', documents: doc }] }).replace('Rfc="ACA0401281AA"', 'Rfc="ACA04012"');
    expect(refused(parseCfdiPaymentReceipt(toBase64(badRfc)))).toMatchObject({ reason: 'invalid_field', path: 'Receptor.Rfc' });
  });

  it('refuses a currency Caja keeps no ledger in', () => {
    const result = parseCfdiPaymentReceipt(receiptBase64({ payments: [{ amount: '10.00', currency: 'EUR', rate: '20', documents: [mxnDocument('10.00')] }] }));
    expect(refused(result)).toMatchObject({ reason: 'unsupported_currency', path: 'Pago[0].MonedaP' });
  });
});

describe('what is not a stamped payment receipt', () => {
  const payments = [{ amount: '10.00', documents: [mxnDocument('10.00')] }];

  it('refuses another kind of comprobante', () => {
    expect(refused(parseCfdiPaymentReceipt(receiptBase64({ type: 'I', payments }))).reason).toBe('not_payment_receipt');
  });

  it('refuses an unstamped receipt, or one with a malformed stamp UUID', () => {
    expect(refused(parseCfdiPaymentReceipt(receiptBase64({ uuid: null, payments }))).reason).toBe('unstamped');
    expect(refused(parseCfdiPaymentReceipt(receiptBase64({ uuid: 'not-a-uuid', payments }))).reason).toBe('unstamped');
  });

  it('refuses a receipt without a Pagos complement, or with the other version\'s', () => {
    const xml = receiptXml({ payments });
    const withoutPagos = xml.replace(/<pago20:Pagos[\s\S]*<\/pago20:Pagos>/, '');
    expect(refused(parseCfdiPaymentReceipt(toBase64(withoutPagos))).reason).toBe('missing_payments_complement');
    const mixed = xml.replace('http://www.sat.gob.mx/cfd/4', 'http://www.sat.gob.mx/cfd/3').replace('Version="4.0"', 'Version="3.3"');
    expect(refused(parseCfdiPaymentReceipt(toBase64(mixed))).reason).toBe('unsupported_version');
  });

  it('reads by namespace, not by prefix', () => {
    const renamed = receiptXml({ payments }).replace(/pago20:/g, 'p:').replace('xmlns:pago20=', 'xmlns:p=');
    expect(parseCfdiPaymentReceipt(toBase64(renamed)).ok).toBe(true);
    const wrongNamespace = receiptXml({ payments }).replace('http://www.sat.gob.mx/cfd/4', 'http://example.com/cfd/4');
    expect(refused(parseCfdiPaymentReceipt(toBase64(wrongNamespace))).reason).toBe('not_cfdi');
  });

  it('refuses XML that is not a CFDI', () => {
    expect(refused(parseCfdiPaymentReceipt(toBase64('<factura total="10"/>'))).reason).toBe('not_cfdi');
  });

  it('reads a CFDI 3.3 receipt without balances (a PUE invoice in Pagos 1.0)', () => {
    const xml = receiptXml({ version: '3.3', payments }).replace(/ (NumParcialidad|ImpSaldoAnt|ImpSaldoInsoluto)="[^"]*"/g, '');
    const result = parseCfdiPaymentReceipt(toBase64(xml));
    expect(result.ok && result.receipt.payments[0]?.documents[0]).toMatchObject({ amountPaid: 1000, amountInPaymentCurrency: 1000 });
    expect(result.ok && result.receipt.payments[0]?.documents[0]?.previousBalance).toBeUndefined();
  });
});

describe('receipts written by an issuer who rounds', () => {
  const decimal = (units: bigint, scale: number) => {
    const text = units.toString().padStart(scale + 1, '0');
    return scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
  };
  /** a × b / 10^scale, rounded half up, for non-negative bigints. */
  const roundedProduct = (a: bigint, b: bigint, scale: number) => (a * b * 2n + 10n ** BigInt(scale)) / (2n * 10n ** BigInt(scale));

  it('parse, and each payment\'s documents add up to its Monto in its currency', () => {
    const documentArb = fc.record({ shareCents: fc.integer({ min: 1, max: 5_000_000 }), rateMicros: fc.integer({ min: 10_000, max: 30_000_000 }) });
    const paymentArb = fc.record({
      currency: fc.constantFrom('USD', 'MXN'),
      documents: fc.array(documentArb, { minLength: 1, maxLength: 6 }),
      rateMicros: fc.integer({ min: 1_000_000, max: 25_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(paymentArb, { minLength: 1, maxLength: 3 }), (payments) => {
        let totalMxnCents = 0n;
        const spec: ReceiptSpec = {
          payments: payments.map((p) => {
            const other = p.currency === 'USD' ? 'MXN' : 'USD';
            const monto = p.documents.reduce((s, d) => s + BigInt(d.shareCents), 0n);
            const paymentRate = p.currency === 'MXN' ? 1_000_000n : BigInt(p.rateMicros);
            totalMxnCents += roundedProduct(monto, paymentRate, 6);
            return {
              amount: decimal(monto, 2),
              currency: p.currency,
              rate: decimal(paymentRate, 6),
              documents: p.documents.map((d) => {
                // The issuer knows the share in the payment currency and writes ImpPagado rounded in the document's.
                const paid = roundedProduct(BigInt(d.shareCents), BigInt(d.rateMicros), 6);
                fc.pre(paid > 0n); // SAT requires ImpPagado > 0: such a share cannot be written
                return { currency: other, rate: decimal(BigInt(d.rateMicros), 6), paid: decimal(paid, 2) };
              }),
            };
          }),
        };
        spec.totalPayments = decimal(totalMxnCents, 2);
        const result = parseCfdiPaymentReceipt(receiptBase64(spec));
        if (!result.ok) throw new Error(`${result.reason}: ${result.message}`);
        for (const payment of result.receipt.payments) {
          expect(payment.documents.reduce((s, d) => s + d.amountInPaymentCurrency, 0)).toBe(payment.amount);
          for (const d of payment.documents) expect(d.amountInPaymentCurrency).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
