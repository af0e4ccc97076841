/**
 * CFDI payment receipts (TipoDeComprobante "P"): CFDI 3.3 with Pagos 1.0 and CFDI 4.0 with Pagos
 * 2.0, read from base64 into a typed receipt whose amounts are integer minor units and whose
 * consistency (balances, sums, rates, totals) has been checked by cfdi-checks.ts.
 */
import { isValidDate } from '../dates.js';
import type { Currency } from '../money.js';
import { isRateOne, parseCfdiAmount, parseCfdiCurrency, parseCfdiRate, type ExactRate } from './cfdi-amounts.js';
import { checkPaymentConsistency, checkTotals, type DocumentAsWritten } from './cfdi-checks.js';
import { CfdiError, type CfdiErrorReason } from './cfdi-errors.js';
import { childrenNamed, decodeBase64Xml, parseXmlDocument, type XmlElement } from './cfdi-xml.js';
import { parseRfc } from './rfc.js';
import { isSatPaymentFormCode, SAT_PAYMENT_FORMS, type SatPaymentFormCode } from './sat-payment-forms.js';

const TFD_NAMESPACE = 'http://www.sat.gob.mx/TimbreFiscalDigital';

/** What differs between the two CFDI generations, in one table rather than two code paths. */
const CFDI_DIALECTS = {
  '3.3': {
    namespace: 'http://www.sat.gob.mx/cfd/3',
    paymentsNamespace: 'http://www.sat.gob.mx/Pagos',
    paymentsVersion: '1.0',
    documentRateAttribute: 'TipoCambioDR',
    // Pagos 1.0 requires the balances only for installment (PPD) invoices; 2.0 always.
    balancesRequired: false,
    totalsRequired: false,
  },
  '4.0': {
    namespace: 'http://www.sat.gob.mx/cfd/4',
    paymentsNamespace: 'http://www.sat.gob.mx/Pagos20',
    paymentsVersion: '2.0',
    documentRateAttribute: 'EquivalenciaDR',
    balancesRequired: true,
    totalsRequired: true,
  },
} as const;

export type CfdiVersion = keyof typeof CFDI_DIALECTS;
export type CfdiDialect = (typeof CFDI_DIALECTS)[CfdiVersion];

export interface CfdiParty {
  rfc: string;
  name?: string;
}

export interface CfdiRelatedDocument {
  /** IdDocumento, upper-cased: the fiscal UUID of the invoice being paid. */
  documentId: string;
  series?: string;
  folio?: string;
  currency: Currency;
  /** EquivalenciaDR (4.0) or TipoCambioDR (3.3): document-currency units per one payment-currency unit. */
  exchangeRate?: string;
  installment?: number;
  /** Minor units of the document's currency. */
  previousBalance?: number;
  amountPaid: number;
  remainingBalance?: number;
  /** amountPaid in the payment's currency (minor units); these add up to the payment's amount exactly. */
  amountInPaymentCurrency: number;
}

export interface CfdiPayment {
  /** FechaPago as written (`YYYY-MM-DDTHH:mm:ss`, local time of the issuer). */
  paidAt: string;
  /** Its date part: the payment's business date. */
  date: string;
  paymentForm: SatPaymentFormCode;
  paymentMethodName: string;
  currency: Currency;
  /** TipoCambioP: MXN per one unit of the payment currency. */
  exchangeRate?: string;
  /** Monto, minor units. */
  amount: number;
  operationNumber?: string;
  documents: CfdiRelatedDocument[];
}

export interface CfdiPaymentReceipt {
  version: CfdiVersion;
  paymentsVersion: CfdiDialect['paymentsVersion'];
  /** TimbreFiscalDigital UUID, upper-cased: the receipt's identity (and idempotency key). */
  uuid: string;
  stampedAt?: string;
  issuedAt?: string;
  series?: string;
  folio?: string;
  issuer: CfdiParty;
  recipient: CfdiParty;
  payments: CfdiPayment[];
  /** Pagos 2.0 Totales/MontoTotalPagos, MXN minor units. */
  totalPaymentsMxn?: number;
}

export type CfdiParseResult =
  | { ok: true; receipt: CfdiPaymentReceipt }
  | { ok: false; reason: CfdiErrorReason; message: string; path?: string };

/** Reads a base64 CFDI payment receipt. Every failure is a reason and a message fit for a 400, never a throw. */
export function parseCfdiPaymentReceipt(base64: string): CfdiParseResult {
  try {
    return { ok: true, receipt: readReceipt(parseXmlDocument(decodeBase64Xml(base64))) };
  } catch (error) {
    if (error instanceof CfdiError) {
      return { ok: false, reason: error.reason, message: error.message, ...(error.path ? { path: error.path } : {}) };
    }
    // A parser failure we did not foresee (e.g. stack exhaustion) is still bad input, not a 500.
    return { ok: false, reason: 'not_xml', message: 'the receipt could not be read as XML' };
  }
}

const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i;
/** Pagos 2.0 also allows a foreign-trade pedimento-like id (`999-99-999999999`) for documents. */
const DOCUMENT_ID = /^(?:[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}|\d{3}-\d{2}-\d{9})$/i;
const CFDI_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

function readReceipt(root: XmlElement): CfdiPaymentReceipt {
  const dialectEntry = Object.entries(CFDI_DIALECTS).find(([, d]) => d.namespace === root.namespace);
  if (root.localName !== 'Comprobante' || !dialectEntry) throw new CfdiError('not_cfdi', 'the root element is not a CFDI 3.3 or 4.0 cfdi:Comprobante');
  const [version, dialect] = dialectEntry as [CfdiVersion, CfdiDialect];
  if (root.attributes.Version !== version) throw new CfdiError('not_cfdi', `Version must be "${version}" in namespace ${dialect.namespace}`, 'Comprobante.Version');
  if (root.attributes.TipoDeComprobante !== 'P') {
    throw new CfdiError('not_payment_receipt', `TipoDeComprobante is "${root.attributes.TipoDeComprobante ?? ''}", not "P" (pago)`, 'Comprobante.TipoDeComprobante');
  }
  const complements = childrenNamed(root, dialect.namespace, 'Complemento').flatMap((c) => c.children);
  const paymentsNode = onlyComplement(complements, dialect);
  const uuid = readStampUuid(complements);
  const payments = childrenNamed(paymentsNode, dialect.paymentsNamespace, 'Pago').map((node, index) => readPayment(node, dialect, `Pago[${index}]`));
  if (payments.length === 0) throw new CfdiError('missing_field', 'a Pagos complement needs at least one Pago', 'Pagos');
  const totalPaymentsMxn = dialect.totalsRequired ? checkTotals(paymentsNode, dialect.paymentsNamespace, payments) : undefined;
  const tfd = complements.find((c) => c.namespace === TFD_NAMESPACE)?.attributes;
  return {
    version,
    paymentsVersion: dialect.paymentsVersion,
    uuid,
    ...optional('stampedAt', tfd?.FechaTimbrado),
    ...optional('issuedAt', root.attributes.Fecha),
    ...optional('series', root.attributes.Serie),
    ...optional('folio', root.attributes.Folio),
    issuer: readParty(root, dialect, 'Emisor'),
    recipient: readParty(root, dialect, 'Receptor'),
    payments,
    ...optional('totalPaymentsMxn', totalPaymentsMxn),
  };
}

function onlyComplement(complements: readonly XmlElement[], dialect: CfdiDialect): XmlElement {
  const matching = complements.filter((c) => c.localName === 'Pagos' && c.namespace === dialect.paymentsNamespace);
  if (matching.length > 1) throw new CfdiError('invalid_field', 'more than one Pagos complement', 'Complemento');
  const [node] = matching;
  if (!node) {
    const other = Object.values(CFDI_DIALECTS).find((d) => complements.some((c) => c.localName === 'Pagos' && c.namespace === d.paymentsNamespace));
    if (other) throw new CfdiError('unsupported_version', `a Pagos ${other.paymentsVersion} complement cannot go with this CFDI version (it needs Pagos ${dialect.paymentsVersion})`, 'Complemento');
    throw new CfdiError('missing_payments_complement', `no Pagos complement (namespace ${dialect.paymentsNamespace})`, 'Complemento');
  }
  if (node.attributes.Version !== dialect.paymentsVersion) {
    throw new CfdiError('unsupported_version', `Pagos Version must be "${dialect.paymentsVersion}"`, 'Pagos.Version');
  }
  return node;
}

function readStampUuid(complements: readonly XmlElement[]): string {
  const stamps = complements.filter((c) => c.namespace === TFD_NAMESPACE && c.localName === 'TimbreFiscalDigital');
  if (stamps.length > 1) throw new CfdiError('invalid_field', 'more than one TimbreFiscalDigital', 'Complemento');
  const uuid = stamps[0]?.attributes.UUID;
  if (uuid === undefined) throw new CfdiError('unstamped', 'the receipt has no TimbreFiscalDigital UUID: it was never stamped by a PAC', 'TimbreFiscalDigital');
  if (!UUID.test(uuid)) throw new CfdiError('unstamped', `"${uuid}" is not a stamp UUID`, 'TimbreFiscalDigital.UUID');
  return uuid.toUpperCase();
}

function readParty(root: XmlElement, dialect: CfdiDialect, role: 'Emisor' | 'Receptor'): CfdiParty {
  const [node] = childrenNamed(root, dialect.namespace, role);
  if (!node) throw new CfdiError('missing_field', 'is required', role);
  const rfc = parseRfc(required(node, 'Rfc', `${role}.Rfc`));
  if (!rfc.ok) throw new CfdiError('invalid_field', `not an RFC (${rfc.reason})`, `${role}.Rfc`);
  return { rfc: rfc.rfc, ...optional('name', node.attributes.Nombre) };
}

function readPayment(node: XmlElement, dialect: CfdiDialect, path: string): CfdiPayment {
  const paidAt = required(node, 'FechaPago', `${path}.FechaPago`);
  const date = CFDI_DATE_TIME.exec(paidAt)?.[1];
  if (!date || !isValidDate(date)) throw new CfdiError('invalid_field', `"${paidAt}" is not a YYYY-MM-DDTHH:mm:ss date`, `${path}.FechaPago`);
  const paymentForm = required(node, 'FormaDePagoP', `${path}.FormaDePagoP`);
  if (!isSatPaymentFormCode(paymentForm)) throw new CfdiError('invalid_field', `"${paymentForm}" is not in the SAT c_FormaPago catalogue`, `${path}.FormaDePagoP`);
  const currency = parseCfdiCurrency(node.attributes.MonedaP, `${path}.MonedaP`);
  const amount = parseCfdiAmount(node.attributes.Monto, currency, `${path}.Monto`);
  if (amount <= 0) throw new CfdiError('invalid_field', 'must be greater than zero', `${path}.Monto`);
  const exchangeRate = readPaymentRate(node, dialect, currency, path);
  const documentNodes = childrenNamed(node, dialect.paymentsNamespace, 'DoctoRelacionado');
  if (documentNodes.length === 0) throw new CfdiError('missing_field', 'a Pago needs at least one DoctoRelacionado', `${path}.DoctoRelacionado`);
  const read = documentNodes.map((doc, index) => readDocument(doc, dialect, `${path}.DoctoRelacionado[${index}]`));
  const shares = checkPaymentConsistency({ currency, amount }, read, path);
  return {
    paidAt,
    date,
    paymentForm,
    paymentMethodName: SAT_PAYMENT_FORMS[paymentForm],
    currency,
    ...optional('exchangeRate', exchangeRate?.text),
    amount,
    ...optional('operationNumber', node.attributes.NumOperacion),
    documents: read.map(({ document }, index) => ({ ...document, amountInPaymentCurrency: shares[index] ?? 0 })),
  };
}

/** TipoCambioP: required by Pagos 2.0; by 1.0 only for a foreign currency. For MXN it must be 1. */
function readPaymentRate(node: XmlElement, dialect: CfdiDialect, currency: Currency, path: string): ExactRate | undefined {
  const text = node.attributes.TipoCambioP;
  if (text === undefined) {
    if (dialect.totalsRequired || currency !== 'MXN') throw new CfdiError('missing_exchange_rate', `TipoCambioP is required for a payment in ${currency}`, `${path}.TipoCambioP`);
    return undefined;
  }
  const rate = parseCfdiRate(text, `${path}.TipoCambioP`);
  if (currency === 'MXN' && !isRateOne(rate)) throw new CfdiError('invalid_exchange_rate', 'must be 1 for a payment in MXN', `${path}.TipoCambioP`);
  return rate;
}

function readDocument(node: XmlElement, dialect: CfdiDialect, path: string): DocumentAsWritten {
  const documentId = required(node, 'IdDocumento', `${path}.IdDocumento`);
  if (!DOCUMENT_ID.test(documentId)) throw new CfdiError('invalid_field', `"${documentId}" is not a fiscal UUID`, `${path}.IdDocumento`);
  const currency = parseCfdiCurrency(node.attributes.MonedaDR, `${path}.MonedaDR`);
  const rateText = node.attributes[dialect.documentRateAttribute];
  const rate = rateText === undefined ? undefined : parseCfdiRate(rateText, `${path}.${dialect.documentRateAttribute}`);
  const amountPaid = parseCfdiAmount(node.attributes.ImpPagado, currency, `${path}.ImpPagado`);
  if (amountPaid <= 0) throw new CfdiError('invalid_field', 'must be greater than zero', `${path}.ImpPagado`);
  const balanceText = (name: string) =>
    dialect.balancesRequired ? required(node, name, `${path}.${name}`) : node.attributes[name];
  const previous = balanceText('ImpSaldoAnt');
  const remaining = balanceText('ImpSaldoInsoluto');
  const installment = balanceText('NumParcialidad');
  if (installment !== undefined && !/^[1-9]\d{0,2}$/.test(installment)) {
    throw new CfdiError('invalid_field', `"${installment}" is not an installment number`, `${path}.NumParcialidad`);
  }
  const document: DocumentAsWritten['document'] = {
    documentId: documentId.toUpperCase(),
    ...optional('series', node.attributes.Serie),
    ...optional('folio', node.attributes.Folio),
    currency,
    ...optional('exchangeRate', rate?.text),
    ...optional('installment', installment === undefined ? undefined : Number(installment)),
    ...optional('previousBalance', previous === undefined ? undefined : parseCfdiAmount(previous, currency, `${path}.ImpSaldoAnt`)),
    amountPaid,
    ...optional('remainingBalance', remaining === undefined ? undefined : parseCfdiAmount(remaining, currency, `${path}.ImpSaldoInsoluto`)),
  };
  return rate ? { document, rate } : { document };
}

function required(node: XmlElement, attribute: string, path: string): string {
  const value = node.attributes[attribute];
  if (value === undefined || value.trim() === '') throw new CfdiError('missing_field', 'is required', path);
  return value;
}

/** `{ key: value }` when the value is present, `{}` otherwise: an absent attribute leaves no `undefined` key behind. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
