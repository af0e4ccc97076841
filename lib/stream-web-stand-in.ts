/**
 * What a function bundle gets for `node:stream/web` (lib/bundling.ts says why): the one class
 * @middy/core imports from it, answered by Node's global `ReadableStream`, read on first use.
 */
export class ReadableStream {
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof globalThis.ReadableStream;
  }

  constructor(...args: ConstructorParameters<typeof globalThis.ReadableStream>) {
    // A constructor that returns an object hands that object to `new`: the real stream.
    return new globalThis.ReadableStream(...args);
  }
}
