/**
 * Strict request parsing with zod/mini (a fraction of full zod's bundle size). Import zod as
 * `import * as z from 'zod/mini'` in each module: re-exporting the namespace from here would defeat
 * tree shaking and put all of zod (~420 KB with every locale) into every bundle.
 */
import * as z from 'zod/mini';
import { MAX_AMOUNT_MINOR, maxAmountText } from '../domain/money.js';
import { EXTERNAL_ID_MAX } from '../domain/parties.js';
import type { FieldIssue } from '../ledger/errors.js';
import { invalidRequest } from './errors.js';
import { prototypeKeyIssues } from './prototype-keys.js';

type Issue = { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] };

function toFieldIssues(issues: readonly Issue[], where: string): FieldIssue[] {
  return issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, message: 'Unknown field' }));
    }
    return [{ field: base || where, message: issue.message }];
  });
}

/** Parses `input` or throws a 400 naming each offending field. */
export function parseInput<T>(schema: z.ZodMiniType<T>, input: unknown, where: 'body' | 'query' | 'path'): T {
  const result = schema.safeParse(input);
  const prototypeKeys = prototypeKeyIssues(input);
  if (result.success && prototypeKeys.length === 0) return result.data;
  const schemaIssues = result.success ? [] : toFieldIssues(result.error.issues as readonly Issue[], where);
  const issues = [...prototypeKeys, ...schemaIssues.filter((i) => !prototypeKeys.some((p) => p.field === i.field))];
  const first = issues[0];
  throw invalidRequest(first ? `Invalid ${where}: ${first.field}: ${first.message}` : `Invalid ${where}`, issues);
}

// Reusable field schemas.
export const idString = (message = 'Must be a numeric id') =>
  z.string().check(z.regex(/^[1-9][0-9]{0,15}$/, message));

/**
 * A party reference: Caja's id, or the party's externalId (issue 13 item 13; its shape is checked
 * where it is set, shared/domain/parties.ts). What it names is resolved by the use case
 * (shared/ledger/parties/resolve-party.ts): one that names nothing is that API's not-found.
 */
export function partyRef(message = 'Must be an id or an externalId') {
  const schema = z.string(message).check(z.minLength(1, message), z.maxLength(EXTERNAL_ID_MAX, `At most ${EXTERNAL_ID_MAX} characters`));
  z.globalRegistry.add(schema, { description: "Caja's id of the party, or its externalId (the original server's id)" });
  return schema;
}

/** A query-string integer with bounds and a default. */
export const queryInt = (opts: { min: number; max: number; default: number }) =>
  z.pipe(
    z._default(z.string().check(z.regex(/^\d{1,9}$/, 'Must be a non-negative integer')), String(opts.default)),
    z.pipe(
      z.transform((value: string) => Number(value)),
      z.number().check(
        z.gte(opts.min, `Must be at least ${opts.min}`),
        z.lte(opts.max, `Must be at most ${opts.max}`),
      ),
    ),
  );

/**
 * An amount field in major units with its documented maximum (README "Money limits") in the API
 * reference. The use case enforces it against the payment's currency (a 400 naming the field);
 * JSON Schema can only say it, since the bound in major units depends on the currency's decimals.
 */
export function majorAmount<T extends z.ZodMiniType>(schema: T, what = "Major units of the payment's currency"): T {
  z.globalRegistry.add(schema, {
    description:
      `${what}; at most ${MAX_AMOUNT_MINOR} minor units ` +
      `(${maxAmountText('USD')} in a two-decimal currency, ${maxAmountText('CLP')} CLP); above it a 400 naming the field.`,
  });
  return schema;
}
