/**
 * The layering of README "Architecture", read from the source: nothing in shared/ imports from
 * functions/, and only the store names DynamoDB keys and indexes (use cases name access patterns).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE } from '../../shared/store/table.js';

const ROOT = resolve(import.meta.dirname, '../..');
const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []);
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const importsOf = (code: string) => [...code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('layers', () => {
  it('nothing in shared/ imports from functions/', () => {
    const upward = sources('shared').flatMap((file) =>
      importsOf(read(file))
        .filter((specifier) => specifier.startsWith('.') && relative(ROOT, resolve(ROOT, dirname(file), specifier)).startsWith('functions/'))
        .map((specifier) => `${file}: ${specifier}`));
    expect(upward).toEqual([]);
  });

  it('only the store names a key, an index or an IndexName', () => {
    const indexNames = TABLE.indexes.map((index) => index.name).join('|');
    const storeTalk = new RegExp(`IndexName|T#\\$\\{|\\b[ps]k:|['"\`](?:${indexNames})['"\`]`);
    const outside = ['functions', 'shared', 'lib', 'bin']
      .flatMap(sources)
      .filter((file) => !file.startsWith('shared/store/'))
      .flatMap((file) => read(file).split('\n').map((line, i) => [`${file}:${i + 1}`, line] as const))
      .filter(([, line]) => storeTalk.test(line))
      .map(([where, line]) => `${where} ${line.trim()}`);
    expect(outside).toEqual([]);
  });
});
