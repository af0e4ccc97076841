/** `npm run events`: writes test/events/, one sample HTTP API v2 event per route (lib/local/sample-events.ts). */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENTS_DIR, sampleEventFiles } from '../lib/local/sample-events.js';

const files = sampleEventFiles();
mkdirSync(EVENTS_DIR, { recursive: true });
// A route that left the table takes its event with it.
for (const stale of readdirSync(EVENTS_DIR).filter((f) => f.endsWith('.json') && !(f in files))) rmSync(join(EVENTS_DIR, stale));
for (const [name, text] of Object.entries(files)) writeFileSync(join(EVENTS_DIR, name), text);
console.log(`wrote ${Object.keys(files).length} events to test/events/`);
