/**
 * Time-ordered ids without a central counter: milliseconds since 2024-01-01 (41 bits, ~69 years)
 * followed by 12 bits of per-process sequence seeded at random, so the value stays below 2^53 and
 * renders as a JSON number where a dialect wants one. Collisions across processes in the same
 * millisecond are possible in theory; every create uses an attribute_not_exists condition.
 */
const EPOCH_MS = Date.UTC(2024, 0, 1);
const SEQUENCE_BITS = 12;
const SEQUENCE_SIZE = 2 ** SEQUENCE_BITS;

let lastMs = 0;
let sequence = Math.floor(Math.random() * SEQUENCE_SIZE);

export function newId(now: number = Date.now()): string {
  let ms = Math.max(now - EPOCH_MS, lastMs);
  sequence = (sequence + 1) % SEQUENCE_SIZE;
  if (ms === lastMs && sequence === 0) ms += 1; // sequence wrapped inside one millisecond
  lastMs = ms;
  return String(ms * SEQUENCE_SIZE + sequence);
}

export const ID_PATTERN = /^[1-9][0-9]{0,15}$/;

export function isId(value: string): boolean {
  return ID_PATTERN.test(value) && Number.isSafeInteger(Number(value));
}
