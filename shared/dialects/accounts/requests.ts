/**
 * Accounts requests (seed 001) as the handlers parse them (schemas: functions/accounts/schemas.ts),
 * their idempotency key, and their translation into ledger commands.
 */
import type { DimensionField } from '../../domain/account-scope.js';
import { invalidRequest } from '../../http/errors.js';
import { idempotencyKeyHeader } from '../../http/idempotency-key.js';
import type { RecordAccountPaymentCommand } from '../../ledger/accounts/record-account-payment.js';
import { type AccountPaymentType, DIRECTION } from './render.js';

/** The code's cash | transfer | check | other, plus the document's "system". */
export const PAYMENT_METHODS = ['cash', 'transfer', 'check', 'other', 'system'] as const;

type DimensionFields = Partial<Record<DimensionField, string | undefined>>;

export interface CreatePaymentRequest extends DimensionFields {
  date: string;
  time?: string | undefined;
  amount: number;
  type: AccountPaymentType;
  method: (typeof PAYMENT_METHODS)[number];
  notes?: string | null | undefined;
  isFinal?: boolean | undefined;
  idempotencyKey?: string | undefined;
}

/** The accounts body `idempotencyKey` and the Caja-wide `Idempotency-Key` header are one key. */
export function idempotencyKeyOf(bodyKey: string | undefined, headers: Readonly<Record<string, string | undefined>>): string | undefined {
  const headerKey = idempotencyKeyHeader(headers);
  if (headerKey !== undefined && bodyKey !== undefined && headerKey !== bodyKey) {
    throw invalidRequest('Idempotency-Key header and idempotencyKey differ', [{ field: 'idempotencyKey', message: 'Differs from the Idempotency-Key header' }]);
  }
  return bodyKey ?? headerKey;
}

export function toRecordPaymentCommand(body: CreatePaymentRequest, idempotencyKey: string | undefined): RecordAccountPaymentCommand {
  const { type, idempotencyKey: _inBody, ...rest } = body;
  return { ...rest, direction: DIRECTION[type], idempotencyKey };
}
