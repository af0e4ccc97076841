/**
 * The communities envelope (seed 003, an ASP.NET app): bare camelCase JSON on success, errors as
 * `{code, message, errors?, traceId}` where `errors` maps each offending field to its messages.
 */
import type { Dialect, Failure } from '../dialect.js';
import { errorMap } from '../failure.js';

/** The codes the original answers, by status: a mapping table, not a branch per error. */
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'INVALID_OPERATION',
  413: 'BAD_REQUEST',
  415: 'BAD_REQUEST',
  422: 'INVALID_OPERATION',
};

const codeOf = (failure: Failure) => CODE_BY_STATUS[failure.status] ?? (failure.status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');

function fieldErrors(failure: Failure): Record<string, string[]> | undefined {
  if (!failure.issues?.length) return undefined;
  // A Map, not an object literal: a field may be called `toString` or `__proto__`.
  const errors = new Map<string, string[]>();
  for (const { field, message } of failure.issues) errors.set(field, [...(errors.get(field) ?? []), message]);
  return Object.fromEntries(errors);
}

export const communities: Dialect = {
  errors: errorMap(),
  success: (data) => data,
  error: (failure, requestId) => {
    const errors = fieldErrors(failure);
    return { code: codeOf(failure), message: failure.message, ...(errors ? { errors } : {}), traceId: requestId };
  },
};
