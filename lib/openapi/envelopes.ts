/**
 * Each API's success and error envelopes, taken from its dialect adapter (shared/dialects): sample
 * errors go through the dialect's own error map and envelope, and the schema is read off that
 * rendering, so the reference cannot drift from what the handlers answer.
 */
import type { Api } from '../../shared/apis.js';
import { DIALECTS } from '../../shared/dialects/index.js';
import { toFailure } from '../../shared/dialects/failure.js';
import { HttpError, invalidRequest } from '../../shared/http/errors.js';
import { Conflict, Forbidden, IdempotencyMismatch, NotFound, Unauthenticated, Unavailable } from '../../shared/ledger/errors.js';

type JsonSchema = Record<string, unknown>;

/** Where the rendered success sample holds the resource. */
const RESOURCE = Symbol('resource');
const SAMPLE_REQUEST_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

/** One error of each kind a route can meet; the dialect's error map gives each its status. */
const SAMPLE_ERRORS = {
  validation: () => invalidRequest('Invalid body: amount: Must be greater than 0', [{ field: 'amount', message: 'Must be greater than 0' }]),
  malformedJson: () => new HttpError(400, 'MALFORMED_JSON', 'Request body is not valid JSON'),
  unauthenticated: () => new Unauthenticated(),
  forbidden: () => new Forbidden(),
  notFound: () => new NotFound('Payment'),
  conflict: () => new Conflict('The resource changed since it was read'),
  idempotencyMismatch: () => new IdempotencyMismatch(),
  payloadTooLarge: () => new HttpError(413, 'PAYLOAD_TOO_LARGE', 'Request body exceeds 65536 bytes'),
  unsupportedMediaType: () => new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json'),
  internal: () => new Error('anything unexpected'),
  unavailable: () => new Unavailable(),
} as const;
type SampleError = keyof typeof SAMPLE_ERRORS;

const ONLY_WITH_BODY: readonly SampleError[] = ['malformedJson', 'payloadTooLarge', 'unsupportedMediaType'];
const ONLY_WITH_TOKEN: readonly SampleError[] = ['unauthenticated', 'forbidden', 'notFound', 'conflict', 'idempotencyMismatch', 'unavailable'];
/** Public routes (health, docs) take no input. */
const ONLY_WITH_INPUT: readonly SampleError[] = ['validation'];

const DESCRIPTIONS: Record<number, string> = {
  400: 'Bad input (a field failing its schema, malformed JSON, a rule of the API); nothing written',
  401: 'Missing, expired or invalid token',
  403: "The token's roles or scope do not allow this",
  404: "Not found in the caller's tenant",
  409: 'Conflicts with the current state',
  413: 'Body too large',
  415: 'Body is not JSON',
  422: 'Idempotency key reused with another body, or a limit exceeded',
  500: 'Unexpected error (no internals disclosed)',
  503: 'Store unavailable or throttled; retry after the Retry-After header',
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The JSON Schema that every one of the rendered samples satisfies: objects list every key seen and
 * require the keys all samples have; a field always present with the same type gets that type.
 */
export function schemaOfSamples(values: readonly unknown[]): JsonSchema {
  if (values.some((v) => v === RESOURCE)) return { description: 'The resource (see the example)' };
  if (values.every(isRecord)) {
    const keys = [...new Set(values.flatMap((v) => Object.keys(v)))];
    return {
      type: 'object',
      properties: Object.fromEntries(keys.map((key) => [key, schemaOfSamples(values.filter((v) => key in v).map((v) => v[key]))])),
      required: keys.filter((key) => values.every((v) => key in v)),
    };
  }
  if (values.every(Array.isArray)) return { type: 'array', items: schemaOfSamples(values.flat()) };
  const types = [...new Set(values.map(jsonType))];
  return types.length === 1 ? { type: types[0] } : { type: types };
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The generic success shape of an API: its envelope around the resource. */
export function successSchema(api: Api, status: number): JsonSchema {
  return schemaOfSamples([DIALECTS[api].success(RESOURCE, { status, requestId: SAMPLE_REQUEST_ID })]);
}

/** Each error sample a route of `api` can meet, rendered by the API's dialect, with its status. */
function renderedErrors(api: Api, route: RouteInput) {
  const dialect = DIALECTS[api];
  const applies = (name: SampleError) =>
    (route.hasBody || !ONLY_WITH_BODY.includes(name)) && (!route.isPublic || (!ONLY_WITH_TOKEN.includes(name) && !ONLY_WITH_INPUT.includes(name)));
  return (Object.keys(SAMPLE_ERRORS) as SampleError[]).filter(applies).map((name) => {
    const failure = toFailure(SAMPLE_ERRORS[name](), dialect.errors);
    return { name, status: failure.status, body: dialect.error(failure, SAMPLE_REQUEST_ID) };
  });
}

interface RouteInput {
  hasBody: boolean;
  isPublic: boolean;
}

/**
 * API Gateway's own answer when the stage's throttling limits are passed, before any function runs:
 * every route can get it, in API Gateway's envelope rather than the API's.
 */
export const THROTTLED_RESPONSE = {
  description: 'Too many requests: the stage throttling limit (API Gateway answers, in its own envelope)',
  content: {
    'application/json': {
      schema: { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] },
      example: { message: 'Too Many Requests' },
    },
  },
};

export const errorResponseName = (api: Api, status: number) => `${api}Error${status}`;

/** The statuses a route can fail with, by its API's error map and whether it takes a body or a token. */
export function errorStatuses(api: Api, route: RouteInput): number[] {
  return [...new Set(renderedErrors(api, route).map((e) => e.status))].sort((a, b) => a - b);
}

/**
 * The error responses of an API, one per status (components.responses, referenced by its routes):
 * the API's envelope, with an example of each error that answers that status.
 */
export function errorResponses(api: Api, statuses: readonly number[]): Record<string, unknown> {
  const byStatus = new Map<number, { name: string; body: unknown }[]>();
  for (const { name, status, body } of renderedErrors(api, { hasBody: true, isPublic: false })) {
    if (statuses.includes(status)) byStatus.set(status, [...(byStatus.get(status) ?? []), { name, body }]);
  }
  return Object.fromEntries(
    [...byStatus].sort(([a], [b]) => a - b).map(([status, samples]) => [
      errorResponseName(api, status),
      {
        description: DESCRIPTIONS[status] ?? 'Error',
        ...(status === 503 ? { headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } } } } : {}),
        content: {
          'application/json': {
            schema: schemaOfSamples(samples.map((s) => s.body)),
            examples: Object.fromEntries(samples.map((s) => [s.name, { value: s.body }])),
          },
        },
      },
    ]),
  );
}
