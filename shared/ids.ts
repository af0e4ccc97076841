/**
 * Time-ordered ids without a central counter: milliseconds since 2024-01-01 (41 bits, ~69 years),
 * then an instance part (6 bits, drawn at random when a process starts: one Lambda instance), then
 * a per-process sequence (6 bits), so the value stays below 2^53 and renders as a JSON number where
 * a dialect wants one. Within a process ids never repeat (a full millisecond borrows the next one).
 * Two instances collide only if they drew the same instance part and reach the same sequence in
 * the same millisecond; the backstop is the store: every create is a conditional put, retried on a
 * fresh id when the id is taken (shared/store/fresh-id.ts).
 */
import { randomInt } from 'node:crypto';

const EPOCH_MS = Date.UTC(2024, 0, 1);
const INSTANCE_BITS = 6;
const SEQUENCE_BITS = 6;
export const INSTANCE_COUNT = 2 ** INSTANCE_BITS;
const SEQUENCE_SIZE = 2 ** SEQUENCE_BITS;

export type IdGenerator = (now?: number) => string;

/** A generator for one process; `instance` (0..63) and the clock are injectable to simulate several. */
export function createIdGenerator(options: { instance?: number; clock?: () => number } = {}): IdGenerator {
  const instance = options.instance ?? randomInt(INSTANCE_COUNT);
  if (!Number.isInteger(instance) || instance < 0 || instance >= INSTANCE_COUNT) throw new RangeError(`instance must be 0..${INSTANCE_COUNT - 1}`);
  const clock = options.clock ?? Date.now;
  let lastMs = 0;
  let sequence = randomInt(SEQUENCE_SIZE);
  return (now = clock()) => {
    let ms = Math.max(now - EPOCH_MS, lastMs);
    sequence = (sequence + 1) % SEQUENCE_SIZE;
    if (ms === lastMs && sequence === 0) ms += 1; // sequence wrapped inside one millisecond
    lastMs = ms;
    return String((ms * INSTANCE_COUNT + instance) * SEQUENCE_SIZE + sequence);
  };
}

// Pure for esbuild: a bundle that never calls newId (it only checks ids, or imports a module that
// could write an audit entry) drops the generator instead of drawing it at every cold start.
let current: IdGenerator = /* @__PURE__ */ createIdGenerator();

/** A new id from this process's generator. */
export function newId(now?: number): string {
  return current(now);
}

/** Replaces this process's generator (tests simulate several instances with it); returns the previous one. */
export function useIdGenerator(generator: IdGenerator): IdGenerator {
  const previous = current;
  current = generator;
  return previous;
}

export const ID_PATTERN = /^[1-9][0-9]{0,15}$/;

export function isId(value: string): boolean {
  return ID_PATTERN.test(value) && Number.isSafeInteger(Number(value));
}
