/** Which store errors are "unavailable, retry later" (503 + Retry-After) and which stay 500s. */
import { describe, expect, it } from 'vitest';
import { toFailure } from '../../shared/dialects/failure.js';
import { DIALECTS } from '../../shared/dialects/index.js';
import { Conflict, Unavailable } from '../../shared/ledger/errors.js';
import { currentRequestSignal, RequestDeadlineExceeded, requestBudgetMs, STORE_BUDGET, storeBudget, withRequestDeadline } from '../../shared/store/budget.js';
import { asUnavailable, isStoreUnavailable, readBack } from '../../shared/store/faults.js';

/** An error shaped like the AWS SDK's service exceptions. */
const sdkError = (name: string, httpStatusCode?: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(name), { name, $metadata: httpStatusCode ? { httpStatusCode } : {}, ...extra });
const socketError = (code: string, message = code) => Object.assign(new Error(message), { code });
const cancelled = (...codes: string[]) =>
  sdkError('TransactionCanceledException', 400, { CancellationReasons: codes.map((Code) => ({ Code })) });

describe('isStoreUnavailable', () => {
  it.each([
    ['throttling', sdkError('ThrottlingException', 400)],
    ['provisioned throughput exceeded', sdkError('ProvisionedThroughputExceededException', 400)],
    ['request limit exceeded', sdkError('RequestLimitExceeded', 400)],
    ['internal server error', sdkError('InternalServerError', 500)],
    ['any 5xx, whatever its name', sdkError('SomethingNew', 503)],
    ['the SDK request timeout', Object.assign(new Error('exceeded requestTimeout'), { name: 'TimeoutError', code: 'ETIMEDOUT' })],
    ['a refused connection', socketError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:8000')],
    ['a reset connection', socketError('ECONNRESET')],
    ['a socket hang up', new Error('socket hang up')],
    ['an abort from our deadline', Object.assign(new Error('Request aborted'), { name: 'AbortError' })],
    ['our deadline before a call starts', new RequestDeadlineExceeded()],
    ['a transaction cancelled only by throttling', cancelled('None', 'ThrottlingError', 'None')],
    ['a transaction cancelled only by contention', cancelled('TransactionConflict', 'None')],
    ['a fault wrapped as the cause', Object.assign(new Error('outer'), { cause: socketError('ECONNREFUSED') })],
  ])('%s is unavailable', (_, error) => {
    expect(isStoreUnavailable(error)).toBe(true);
  });

  it.each([
    ['a validation exception (our bug)', sdkError('ValidationException', 400)],
    ['a failed condition', sdkError('ConditionalCheckFailedException', 400)],
    ['a missing table', sdkError('ResourceNotFoundException', 400)],
    ['access denied', sdkError('AccessDeniedException', 400)],
    ['a transaction with a failed condition among throttled items', cancelled('ThrottlingError', 'ConditionalCheckFailed')],
    ['a transaction cancelled without reasons', cancelled()],
    ['a plain TypeError', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['a string', 'ECONNREFUSED'],
    ['null', null],
  ])('%s is not', (_, error) => {
    expect(isStoreUnavailable(error)).toBe(false);
  });
});

describe('asUnavailable', () => {
  it("turns store faults into the domain's Unavailable, its cause kept, and leaves anything else as it is", () => {
    const fault = sdkError('ThrottlingException', 400);
    const error = asUnavailable(fault);
    expect(error).toBeInstanceOf(Unavailable);
    expect((error as Error).cause).toBe(fault);
    const bug = sdkError('ValidationException', 400);
    expect(asUnavailable(bug)).toBe(bug);
  });

  it('leaves transaction contention to the transaction retry (tx.ts turns it into Unavailable when its attempts are spent)', () => {
    const contention = cancelled('TransactionConflict');
    expect(asUnavailable(contention)).toBe(contention);
  });

  it('is answered 503 with Retry-After in every dialect; an unknown error 500', () => {
    for (const dialect of Object.values(DIALECTS)) {
      expect(toFailure(asUnavailable(sdkError('ThrottlingException', 400)), dialect.errors)).toMatchObject({ status: 503, code: 'STORE_UNAVAILABLE', retryAfterSeconds: 1 });
      expect(toFailure(sdkError('ValidationException', 400), dialect.errors)).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
      expect(toFailure(new Conflict('x'), dialect.errors).status).toBe(409);
    }
  });
});

describe('readBack', () => {
  it('answers null when the store is unavailable, and says so', async () => {
    const seen: unknown[] = [];
    const fault = sdkError('ThrottlingException', 400);
    await expect(readBack(() => Promise.reject(fault), (e) => seen.push(e))).resolves.toBeNull();
    expect(seen).toEqual([fault]);
  });

  it('passes values through and rethrows other errors', async () => {
    await expect(readBack(() => Promise.resolve(7))).resolves.toBe(7);
    await expect(readBack(() => Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');
  });
});

describe('request deadline', () => {
  it('is the budget, or less when the function has less time left', () => {
    const { requestDeadlineMs, deadlineMarginMs } = storeBudget();
    expect(requestBudgetMs(undefined)).toBe(requestDeadlineMs);
    expect(requestBudgetMs(60_000)).toBe(requestDeadlineMs);
    expect(requestBudgetMs(3_000)).toBe(3_000 - deadlineMarginMs);
  });

  it("is Lambda's budget without DynamoDB Local, or with CAJA_STORE_BUDGET=lambda; slacker against DynamoDB Local", () => {
    const saved = { endpoint: process.env.DYNAMODB_ENDPOINT, budget: process.env.CAJA_STORE_BUDGET };
    try {
      delete process.env.CAJA_STORE_BUDGET;
      process.env.DYNAMODB_ENDPOINT = 'http://127.0.0.1:1';
      expect(storeBudget().requestDeadlineMs).toBeGreaterThan(STORE_BUDGET.requestDeadlineMs);
      process.env.CAJA_STORE_BUDGET = 'lambda';
      expect(storeBudget()).toBe(STORE_BUDGET);
      delete process.env.CAJA_STORE_BUDGET;
      delete process.env.DYNAMODB_ENDPOINT;
      expect(storeBudget()).toBe(STORE_BUDGET);
    } finally {
      if (saved.endpoint === undefined) delete process.env.DYNAMODB_ENDPOINT;
      else process.env.DYNAMODB_ENDPOINT = saved.endpoint;
      if (saved.budget !== undefined) process.env.CAJA_STORE_BUDGET = saved.budget;
    }
  });

  it('aborts the request signal at the deadline and when the work ends', async () => {
    let during: AbortSignal | undefined;
    await withRequestDeadline(10_000, async () => {
      during = currentRequestSignal();
      expect(during?.aborted).toBe(false);
    });
    expect(during?.aborted).toBe(true);
    expect(currentRequestSignal()).toBeUndefined();

    const aborted = await withRequestDeadline(20, async () => {
      const signal = currentRequestSignal()!;
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      return signal.reason;
    });
    expect(aborted).toBeInstanceOf(RequestDeadlineExceeded);
  });
});
