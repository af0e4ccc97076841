/**
 * Bundle sizes at a reference commit (./bundle-reference.json), printed beside today's by budget 1 so
 * growth shows in every run, not only past the 400 KB budget. The reference is main when issue 11
 * was filed (its "+2 KB" criterion compares against it); replace the file to move it.
 */
import reference from './bundle-reference.json' with { type: 'json' };
import { fmt } from './stats.js';

const sizes: Readonly<Record<string, number>> = reference.kb;

/** The reference KB and the change since, for one function (both blank for a function added since). */
export function sinceReference(name: string, bytes: number): [string, string] {
  const before = sizes[name];
  if (before === undefined) return ['new', ''];
  const change = bytes / 1024 - before;
  return [fmt(before, 1), `${change >= 0 ? '+' : ''}${fmt(change, 1)}`];
}

export const referenceNote = `reference KB: each function at ${reference.commit} (${reference.when}), test/bench/bundle-reference.json; "new": added since.`;
