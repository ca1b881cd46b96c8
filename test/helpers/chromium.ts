// Debian's Chromium for the browser tests, driven by playwright-core (no downloads). Without it a browser test is
// skipped with the reason, unless MAILFLOW_REQUIRE_BROWSER=1 (CI) makes that an error.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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
