/** Why a CFDI payment receipt was refused. Every reason is bad input: the API answers it with a 400. */
export type CfdiErrorReason =
  | 'too_large' // over MAX_CFDI_XML_BYTES, refused before decoding or parsing
  | 'not_base64'
  | 'not_xml' // not UTF-8, not well-formed, or an undeclared entity reference
  | 'forbidden_dtd' // a DOCTYPE or ENTITY declaration: never expanded, never fetched
  | 'not_cfdi' // the root is not a cfdi:Comprobante of CFDI 3.3 or 4.0
  | 'unsupported_version' // a Pagos complement version that does not go with the CFDI version
  | 'not_payment_receipt' // TipoDeComprobante is not "P"
  | 'missing_payments_complement'
  | 'unstamped' // no TimbreFiscalDigital UUID
  | 'missing_field'
  | 'invalid_field'
  | 'unsupported_currency' // a currency Caja keeps no ledger in
  | 'missing_exchange_rate' // a document in another currency than its payment, without EquivalenciaDR/TipoCambioDR
  | 'invalid_exchange_rate'
  | 'balance_mismatch' // ImpSaldoInsoluto ≠ ImpSaldoAnt − ImpPagado, or negative
  | 'amount_mismatch' // the documents' ImpPagado (in the payment currency) do not add up to Monto
  | 'totals_mismatch'; // Pagos 2.0 Totales/MontoTotalPagos ≠ Σ Monto × TipoCambioP

export class CfdiError extends Error {
  constructor(
    readonly reason: CfdiErrorReason,
    message: string,
    /** Where in the receipt, e.g. `Pago[1].DoctoRelacionado[0].ImpPagado`. */
    readonly path?: string,
  ) {
    super(path ? `${path}: ${message}` : message);
    this.name = 'CfdiError';
  }
}
