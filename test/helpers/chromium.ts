// Debian's Chromium for the browser tests, driven by playwright-core (no downloads). Without it a browser test is
// skipped with the reason, unless MAILFLOW_REQUIRE_BROWSER=1 (CI) makes that an error.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
const required = process.env['MAILFLOW_REQUIRE_BROWSER'] === '1';
const present = existsSync(CHROMIUM);

/** Should the browser suite named `test` be skipped? Says why on the console when it is. */
export function skipWithoutChromium(test: string): boolean {
  if (!present && !required) console.warn(`${test}: skipped, ${CHROMIUM} is not installed (apt-get install chromium)`);
  return !present && !required;
}

export function launchChromium(): Promise<Browser> {
  if (!present) throw new Error(`${CHROMIUM} is required (MAILFLOW_REQUIRE_BROWSER=1) but not installed`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Collects what a self-contained page must never do: log an error or warning, throw, open a dialog, or fetch anything
 * but its own file. Call before `goto`; the returned list fills as the page runs.
 */
export function watchPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => { if (!r.url().startsWith('file:')) problems.push(`network: ${r.url()}`); });
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  return problems;
}

/**
 * Where a browser test writes its pages and screenshots: MAILFLOW_SHOTS (kept, for a person to look at), else a
 * temporary directory that `cleanUp` removes. Never the repository.
 */
export function shotsDir(prefix: string): { readonly dir: string; cleanUp(): void } {
  const chosen = process.env['MAILFLOW_SHOTS'];
  const dir = chosen ?? mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanUp: () => { if (chosen === undefined) rmSync(dir, { recursive: true, force: true }); } };
}

/**
 * One Chromium for a describe block's tests: launched before them, closed after, with the block's screenshots
 * directory (shotsDir) removed. Call it inside the `describe`; `browser()` is there from the first test on.
 */
export function chromiumForSuite(shotsPrefix: string): { browser(): Browser; readonly shots: { readonly dir: string } } {
  const shots = shotsDir(shotsPrefix);
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    shots.cleanUp();
    await browser?.close();
  });
  return {
    browser: () => {
      if (browser === undefined) throw new Error('chromiumForSuite: the browser is launched before the first test, not while the suite is collected');
      return browser;
    },
    shots,
  };
}
