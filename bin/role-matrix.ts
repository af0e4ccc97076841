/** `npm run docs:roles`: rewrites the README's role × route matrix from the route table. */
import { readFileSync, writeFileSync } from 'node:fs';
import { routes } from '../functions/routes.js';
import { withRoleMatrix } from '../lib/docs/role-matrix.js';

const readme = new URL('../README.md', import.meta.url);
writeFileSync(readme, withRoleMatrix(readFileSync(readme, 'utf8'), routes));
