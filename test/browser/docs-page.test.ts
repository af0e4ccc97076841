/**
 * The docs page in a real headless Chromium (Debian's, driven by playwright-core: no browser
 * download), served by the local gateway: every route of the route table is listed, the page logs
 * no error, and nothing is requested outside its own origin.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.js';
import { operationIdOf } from '../../lib/openapi/document.js';
import { type Gateway, startGateway } from '../../lib/local/gateway.js';
import { applyStackEnv, stackEnv } from '../../lib/local/stack.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('GET /docs in a browser', () => {
  let gateway: Gateway;
  let browser: BrowserContext;
  const profile = mkdtempSync(join(tmpdir(), 'caja-chromium-'));
  const consoleErrors: string[] = [];
  const requested: string[] = [];
  let listed: Record<string, string> = {};

  beforeAll(async () => {
    gateway = await startGateway({ port: 0, quiet: true });
    // The gateway's store guard builds the DynamoDB client for every route; the docs routes never use
    // it (store: []), so no table runs and the endpoint points nowhere.
    applyStackEnv(stackEnv({ tableName: 'none', dynamodbEndpoint: 'http://127.0.0.1:9', issuerUrl: gateway.baseUrl, clientId: 'docs-page-test' }));
    // A fresh profile (--user-data-dir) each run, passed the way playwright requires.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync',
      ],
    });
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    page.on('request', (request) => requested.push(request.url()));
    const response = await page.goto(`${gateway.baseUrl}/docs`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    // Redoc renders every operation as a section with its id; wait for the last route's.
    const last = routes.at(-1)!;
    await page.waitForSelector(`[id$="operation/${operationIdOf(last)}"]`, { timeout: 15_000 });
    listed = await page.$$eval('[id*="operation/"]', (sections) =>
      Object.fromEntries(sections.map((section) => [section.id.split('operation/')[1], section.textContent ?? ''])),
    );
  }, 40_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('lists every route of the route table with its method and path', () => {
    for (const route of routes) {
      const section = listed[operationIdOf(route)];
      expect(section, `${route.method} ${route.path}`).toBeDefined();
      expect(section).toContain(route.path);
      expect(section!.toLowerCase()).toContain(route.method.toLowerCase());
    }
  });

  it('logs no error', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('requests nothing outside its own origin', () => {
    const origin = new URL(gateway.baseUrl).origin;
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url))).toEqual([]);
  });
});
