/** The stand-in bundles get for node:stream/web (lib/bundling.ts): the real class behind `instanceof` and `new`. */
import { Readable } from 'node:stream';
import { ReadableStream as RealReadableStream } from 'node:stream/web';
import { describe, expect, it } from 'vitest';
import { ReadableStream } from '../../lib/stream-web-stand-in.js';

describe('ReadableStream stand-in', () => {
  it('answers instanceof as the real class does', () => {
    expect(new RealReadableStream() instanceof ReadableStream).toBe(true);
    expect(Readable.from(['a']) instanceof ReadableStream).toBe(false);
    expect({} instanceof ReadableStream).toBe(false);
  });

  it('constructs a real stream that reads what it was given', async () => {
    const stream = new ReadableStream({ start: (controller) => { controller.enqueue('a'); controller.enqueue('b'); controller.close(); } });
    expect(stream).toBeInstanceOf(RealReadableStream);
    const chunks: unknown[] = [];
    for await (const chunk of stream as unknown as AsyncIterable<unknown>) chunks.push(chunk);
    expect(chunks).toEqual(['a', 'b']);
  });
});
