/**
 * How long a request may wait for the store, and the deadline that enforces it. No SDK import
 * here: the HTTP layer and CDK read these numbers without bundling the DynamoDB client.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Fault budget on Lambda (SPEC §4 Faults; README "Store faults"). A request's store work ends
 * after `requestDeadlineMs` and is answered 503 + Retry-After; the function timeout leaves room
 * for token verification before and for the answer after. One SDK call: connect <= 1 s, each
 * attempt <= 2 s without a byte from DynamoDB (single-item calls take ~10 ms), 3 attempts with the
 * SDK's jittered backoff; a call that would outlive the deadline is aborted by it.
 */
export const STORE_BUDGET = {
  connectionTimeoutMs: 1_000,
  requestTimeoutMs: 2_000,
  maxAttempts: 3,
  requestDeadlineMs: 5_000,
  /** Kept free at the end of the Lambda's time for logging and the answer. */
  deadlineMarginMs: 1_000,
  functionTimeoutSeconds: 10,
  retryAfterSeconds: 1,
} as const;

export type StoreBudget = { readonly [K in keyof typeof STORE_BUDGET]: number };

/**
 * The local stack (DynamoDB Local: one Java process on a shared dev machine, and every handler in
 * one Node process sharing one socket pool) gets the same shape with slack, so tests with 100
 * concurrent writers on one item are not cut short. `CAJA_STORE_BUDGET=lambda` (npm run chaos)
 * runs locally with the Lambda numbers.
 */
const LOCAL_STORE_BUDGET: StoreBudget = { ...STORE_BUDGET, connectionTimeoutMs: 20_000, requestTimeoutMs: 20_000, requestDeadlineMs: 28_000 };

/** The budget this process runs with: Lambda's, unless it talks to DynamoDB Local. */
export function storeBudget(): StoreBudget {
  const local = Boolean(process.env.DYNAMODB_ENDPOINT) && process.env.CAJA_STORE_BUDGET !== 'lambda';
  return local ? LOCAL_STORE_BUDGET : STORE_BUDGET;
}

/**
 * The signal of the request being served. Held in AsyncLocalStorage so every store call of the
 * request is aborted at its deadline and none starts after the answer, without threading a
 * signal through every service and repository signature.
 */
const requestScope = new AsyncLocalStorage<AbortSignal>();

/** The signal of the request being served, if any (store calls outside a request have none). */
export const currentRequestSignal = (): AbortSignal | undefined => requestScope.getStore();

export class RequestDeadlineExceeded extends Error {
  constructor() {
    super('request deadline exceeded: no store call starts after the answer');
    this.name = 'RequestDeadlineExceeded';
  }
}

/**
 * Runs `work` with a store deadline of `budgetMs`; when `work` settles (the handler answers)
 * the signal is aborted too, so stragglers stop and nothing is written afterwards.
 */
export async function withRequestDeadline<T>(budgetMs: number, work: () => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new RequestDeadlineExceeded()), Math.max(0, budgetMs));
  try {
    return await requestScope.run(controller.signal, work);
  } finally {
    clearTimeout(timer);
    controller.abort(new RequestDeadlineExceeded());
  }
}

/** The deadline of a Lambda invocation: the budget, or less when the function has less time left. */
export function requestBudgetMs(remainingMs: number | undefined): number {
  const { requestDeadlineMs, deadlineMarginMs } = storeBudget();
  return remainingMs === undefined ? requestDeadlineMs : Math.min(requestDeadlineMs, remainingMs - deadlineMarginMs);
}
