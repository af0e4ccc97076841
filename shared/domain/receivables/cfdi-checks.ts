/**
 * The consistency a CFDI payment receipt must have before Caja records it: each document's
 * balances, the documents adding up to the payment (through the receipt's own exchange rates),
 * and Pagos 2.0 Totales. Exact arithmetic only (cfdi-amounts.ts).
 *
 * SAT itself accepts documents adding up to less than Monto (the rest is an unapplied advance);
 * Caja records a receipt's payment as fully allocated to its documents, so it asks for equality.
 * Rounding tolerance, the only one Caja allows: none between amounts in one currency. For a
 * document in another currency the issuer rounds twice (ImpPagado to the document currency's
 * minor unit, its share of Monto to the payment currency's), so each such document may be off by
 * up to one payment minor unit plus one document minor unit converted at its rate. For
 * MontoTotalPagos, one MXN centavo per Pago outside MXN (Monto × TipoCambioP, rounded).
 */
import type { Currency } from '../money.js';
import {
  addFractions,
  apportionMinor,
  convertByDivision,
  convertByMultiplication,
  fromMinor,
  isRateOne,
  parseCfdiAmount,
  parseCfdiRate,
  withinTolerance,
  type ExactRate,
  type Fraction,
} from './cfdi-amounts.js';
import { CfdiError } from './cfdi-errors.js';
import type { CfdiPayment, CfdiRelatedDocument } from './cfdi-receipt.js';
import { childrenNamed, type XmlElement } from './cfdi-xml.js';

/** A DoctoRelacionado as read, before its share of the payment is known. */
export interface DocumentAsWritten {
  document: Omit<CfdiRelatedDocument, 'amountInPaymentCurrency'>;
  rate?: ExactRate;
}

/**
 * Checks one Pago and returns each document's amount in the payment currency (minor units,
 * adding up to Monto exactly): a same-currency document's ImpPagado as is, converted ones
 * apportioned from what remains of Monto in proportion to their exact converted amounts.
 */
export function checkPaymentConsistency(
  payment: { currency: Currency; amount: number },
  documents: readonly DocumentAsWritten[],
  path: string,
): number[] {
  let exactSum = fromMinor(0);
  let sameCurrencySum = 0;
  let tolerance = fromMinor(0);
  const converted: Array<{ index: number; weight: Fraction }> = [];
  for (const [index, { document, rate }] of documents.entries()) {
    const at = `${path}.DoctoRelacionado[${index}]`;
    checkBalances(document, at);
    if (document.currency === payment.currency) {
      if (rate && !isRateOne(rate)) throw new CfdiError('invalid_exchange_rate', 'must be 1 when the document is in the payment currency', at);
      sameCurrencySum += document.amountPaid;
      exactSum = addFractions(exactSum, fromMinor(document.amountPaid));
    } else {
      if (!rate) {
        throw new CfdiError('missing_exchange_rate', `the document is in ${document.currency} and the payment in ${payment.currency}, with no exchange rate between them`, at);
      }
      const weight = convertByDivision(document.amountPaid, document.currency, payment.currency, rate);
      converted.push({ index, weight });
      exactSum = addFractions(exactSum, weight);
      const documentRounding = convertByDivision(1, document.currency, payment.currency, rate);
      tolerance = addFractions(tolerance, addFractions(fromMinor(1), documentRounding));
    }
  }
  if (!withinTolerance(payment.amount, exactSum, tolerance)) {
    throw new CfdiError('amount_mismatch', 'the documents\' ImpPagado (in the payment currency) do not add up to Monto', `${path}.Monto`);
  }
  const shares = documents.map(({ document }) => (document.currency === payment.currency ? document.amountPaid : 0));
  const leftForConverted = payment.amount - sameCurrencySum;
  if (converted.length > 0 && leftForConverted <= 0) {
    throw new CfdiError('amount_mismatch', 'the documents in the payment currency already take all of Monto', `${path}.Monto`);
  }
  const convertedShares = apportionMinor(leftForConverted, converted.map((c) => c.weight));
  for (const [i, { index }] of converted.entries()) {
    const share = convertedShares[i] ?? 0;
    if (share <= 0) throw new CfdiError('amount_mismatch', 'the document\'s ImpPagado is worth nothing in the payment currency', `${path}.DoctoRelacionado[${index}]`);
    shares[index] = share;
  }
  return shares;
}

/** ImpSaldoInsoluto = ImpSaldoAnt − ImpPagado ≥ 0, whenever the receipt states the balances. */
function checkBalances(document: DocumentAsWritten['document'], path: string): void {
  const { previousBalance, remainingBalance, amountPaid } = document;
  if (previousBalance === undefined && remainingBalance === undefined) return;
  if (previousBalance === undefined) throw new CfdiError('missing_field', 'is required with ImpSaldoInsoluto', `${path}.ImpSaldoAnt`);
  if (remainingBalance === undefined) throw new CfdiError('missing_field', 'is required with ImpSaldoAnt', `${path}.ImpSaldoInsoluto`);
  if (amountPaid > previousBalance) throw new CfdiError('balance_mismatch', 'ImpPagado exceeds ImpSaldoAnt', path);
  if (remainingBalance !== previousBalance - amountPaid) {
    throw new CfdiError('balance_mismatch', 'ImpSaldoInsoluto must equal ImpSaldoAnt − ImpPagado', `${path}.ImpSaldoInsoluto`);
  }
}

/**
 * Pagos 2.0 Totales: MontoTotalPagos is Σ Monto × TipoCambioP in MXN. The tax totals
 * (TotalTraslados…, TotalRetenciones…) are not cross-checked: Caja records no taxes from a receipt.
 * Returns MontoTotalPagos in MXN minor units.
 */
export function checkTotals(paymentsNode: XmlElement, namespace: string, payments: readonly CfdiPayment[]): number {
  const nodes = childrenNamed(paymentsNode, namespace, 'Totales');
  if (nodes.length !== 1 || !nodes[0]) throw new CfdiError('missing_field', 'Pagos 2.0 needs exactly one Totales node', 'Pagos.Totales');
  const written = parseCfdiAmount(nodes[0].attributes.MontoTotalPagos, 'MXN', 'Totales.MontoTotalPagos');
  let exact = fromMinor(0);
  let convertedCount = 0;
  for (const [index, payment] of payments.entries()) {
    if (payment.currency === 'MXN') {
      exact = addFractions(exact, fromMinor(payment.amount));
      continue;
    }
    // Pagos 2.0 makes TipoCambioP required, so readPaymentRate has already insisted on it.
    const rate = parseCfdiRate(payment.exchangeRate ?? '', `Pago[${index}].TipoCambioP`);
    exact = addFractions(exact, convertByMultiplication(payment.amount, payment.currency, 'MXN', rate));
    convertedCount++;
  }
  if (!withinTolerance(written, exact, fromMinor(convertedCount))) {
    throw new CfdiError('totals_mismatch', 'MontoTotalPagos must equal the sum of Monto × TipoCambioP', 'Totales.MontoTotalPagos');
  }
  return written;
}
