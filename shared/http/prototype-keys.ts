/**
 * Prototype keys (`__proto__`, `constructor`, `prototype`) in a query or body are unknown fields
 * (400), never dropped or merged into a prototype: JSON bodies are parsed into null-prototype
 * objects, and every input is checked for these keys at any depth before its schema runs, since a
 * free-form map (z.record) would otherwise drop `__proto__` silently.
 */
import type { FieldIssue } from '../ledger/errors.js';

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse reviver: every object becomes a null-prototype object with the same own keys. */
export function nullPrototype(_key: string, value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.assign(Object.create(null) as object, value);
}

/** One issue per prototype key found in `input` at any depth, named by its path (iterative: bodies may nest deeply). */
export function prototypeKeyIssues(input: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const pending: [value: unknown, path: string][] = [[input, '']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, path] = next;
    if (!value || typeof value !== 'object') continue;
    for (const key of Object.keys(value)) {
      const field = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) issues.push({ field, message: 'Unknown field' });
      pending.push([(value as Record<string, unknown>)[key], field]);
    }
  }
  return issues;
}
