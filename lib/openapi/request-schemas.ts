/**
 * A route's request schemas (the zod/mini schemas its handler validates with, from the module the
 * route table names through `schemaModuleOf`) as OpenAPI parameters and request body.
 *
 * Rule for what JSON Schema cannot represent: schemas are converted with `io: 'input'` (what a
 * client sends, before transforms and defaults apply); refinements (a real calendar date, an id
 * within the safe integer range, a trimmed length) are not representable and are left out, the
 * server still enforces them and answers the API's 400. Anything else unrepresentable becomes `{}`
 * (any value), never a wrong constraint.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import { type Route, schemaModuleOf } from '../../shared/http/route.js';

export type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

export interface RequestSchemas {
  body?: z.ZodMiniType;
  query?: z.ZodMiniType;
  path?: z.ZodMiniType;
}

const FUNCTIONS_DIR = join(import.meta.dirname, '..', '..', 'functions');

/** The `schemas` export of a route's schema module; system routes have none. */
export async function requestSchemasOf(route: Pick<Route, 'handler'>): Promise<RequestSchemas> {
  const module = schemaModuleOf(route);
  if (!module) return {};
  const { schemas } = (await import(pathToFileURL(join(FUNCTIONS_DIR, `${module}.ts`)).href)) as { schemas: RequestSchemas };
  return schemas;
}

export function jsonSchemaOf(schema: z.ZodMiniType): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return json;
}

const PATH_PARAMETER = /\{([^}]+)\}/g;

/** Path parameters from the path template, typed by the route's path schema when it has one. */
function pathParameters(route: Pick<Route, 'path'>, schema: JsonSchema | undefined) {
  return [...route.path.matchAll(PATH_PARAMETER)].map(([, name]) => ({
    name: name!,
    in: 'path',
    required: true,
    schema: schema?.properties?.[name!] ?? { type: 'string' },
  }));
}

/**
 * Named query parameters, one each; a free-form query (a record, such as the gateway search's
 * `filters[0][field]=…`) is one object parameter exploded into the query string.
 */
function queryParameters(schema: JsonSchema | undefined) {
  if (schema && !schema.properties && schema.additionalProperties) {
    return [{ name: 'parameters', in: 'query', required: false, style: 'form', explode: true, schema }];
  }
  return Object.entries(schema?.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: 'query',
      required: schema?.required?.includes(name) ?? false,
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

export function parametersOf(route: Pick<Route, 'path'>, schemas: RequestSchemas) {
  return [
    ...pathParameters(route, schemas.path && jsonSchemaOf(schemas.path)),
    ...queryParameters(schemas.query && jsonSchemaOf(schemas.query)),
  ];
}
