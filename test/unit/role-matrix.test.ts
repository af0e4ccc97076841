/** The README's role × route matrix is the route table's (issue 12 item 4): regenerate with `npm run docs:roles`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.js';
import { roleMatrix, withRoleMatrix } from '../../lib/docs/role-matrix.js';

describe('README role × route matrix', () => {
  it('matches the route table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(withRoleMatrix(readme, routes), 'run npm run docs:roles').toBe(readme);
  });

  it('has one row per route and a mark exactly where the table grants the role', () => {
    const lines = roleMatrix(routes).split('\n');
    expect(lines).toHaveLength(routes.length + 2);
    expect(lines.find((l) => l.includes('`GET /api/pagos`'))).toMatch(/\| ✓ \| ✓ \|  \|  \|  \|  \|$/);
    // The receivables routes are ADMIN only (issue 12 item 4), the mutating ones included.
    const receivables = lines.filter((l) => l.startsWith('| receivables |'));
    expect(receivables.map((l) => l.split('`')[1])).toEqual(routes.filter((r) => r.handler.startsWith('receivables/')).map((r) => `${r.method} ${r.path}`));
    for (const row of receivables) expect(row).toMatch(/\| ✓ \|  \|  \|  \|  \|  \|$/);
  });
});
