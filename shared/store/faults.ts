/**
 * Which store errors mean "DynamoDB is unavailable right now, retry later" (answered 503 with
 * Retry-After, SPEC §4 Faults) and which are bugs or bad requests (500). Pure: it only looks at the
 * error's name, code, HTTP status and cancellation reasons, so it is tested without I/O. The store
 * client hands such errors on as the domain's `Unavailable`; dialects never see an SDK error.
 */
import { Unavailable } from '../ledger/errors.js';

/** Error names of the SDK (and of our own deadline) that say "try again later". */
const RETRYABLE_NAMES = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TransactionInProgressException',
  'RequestTimeout',
  'RequestTimeoutException',
  // The SDK's connection and request timeouts (node-http-handler) and an aborted request (our deadline).
  'TimeoutError',
  'AbortError',
  'RequestDeadlineExceeded',
]);

/** Socket errors: refused, reset or timed-out connections to the store. */
const RETRYABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * Cancellation reasons of a TransactWriteItems that mean contention or throttling, not a failed
 * condition. `None` marks the items that did not cause the cancellation.
 */
const RETRYABLE_CANCELLATIONS = new Set(['ThrottlingError', 'TransactionConflict', 'ProvisionedThroughputExceeded']);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  CancellationReasons?: ReadonlyArray<{ Code?: unknown }>;
}

function cancelledOnlyByContention(error: ErrorShape): boolean {
  const codes = (error.CancellationReasons ?? []).map((r) => r.Code).filter((code) => code !== undefined && code !== 'None');
  return codes.length > 0 && codes.every((code) => RETRYABLE_CANCELLATIONS.has(String(code)));
}

/** True when `error` says the store is unavailable (throttled, failing, unreachable, too slow). */
export function isStoreUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  if (error instanceof Unavailable) return true;
  const e = error as ErrorShape;
  const name = typeof e.name === 'string' ? e.name : '';
  if (RETRYABLE_NAMES.has(name)) return true;
  if (typeof e.code === 'string' && RETRYABLE_CODES.has(e.code)) return true;
  if (name === 'TransactionCanceledException') return cancelledOnlyByContention(e);
  const status = e.$metadata?.httpStatusCode;
  if (typeof status === 'number' && status >= 500) return true;
  if (typeof e.message === 'string' && /socket hang up/i.test(e.message)) return true;
  return isStoreUnavailable(e.cause, depth + 1);
}

/**
 * Errors tx.ts retries itself (contention on a transaction): it turns them into `Unavailable` once
 * its attempts are spent, so the client leaves them as they are.
 */
const RETRIED_BY_TRANSACT = new Set(['TransactionCanceledException', 'TransactionInProgressException']);

/** `error` as the domain sees it: a store fault becomes `Unavailable` (its cause kept for the log); anything else unchanged. */
export function asUnavailable(error: unknown): unknown {
  if (error instanceof Unavailable || !isStoreUnavailable(error)) return error;
  if (RETRIED_BY_TRANSACT.has(String((error as ErrorShape).name))) return error;
  return storeUnavailable(error);
}

/** The domain's 503 for a store fault, with the fault as its cause. */
export function storeUnavailable(cause: unknown): Unavailable {
  return Object.assign(new Unavailable(), { cause });
}

/**
 * A read made after a write has committed: when the store is unavailable it answers `null`
 * instead of throwing, so the committed write is never reported as a failure (a client would
 * retry it). Other errors still throw.
 */
export async function readBack<T>(read: () => Promise<T>, onUnavailable?: (error: unknown) => void): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (!isStoreUnavailable(error)) throw error;
    onUnavailable?.(error);
    return null;
  }
}
