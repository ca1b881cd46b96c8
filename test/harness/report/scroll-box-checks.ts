// What both reports' scroll-box tests check of a box, by keyboard as a reader without a mouse uses it: Tab reaches
// it, the arrow keys scroll it, and a ring shows where the focus is.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { contrastOnWhite } from '../../helpers/contrast.js';

/** The page's getComputedStyle, for code run in it (the project's types have no DOM). */
interface ComputedStyleOf { getComputedStyle(e: unknown): { outlineStyle: string; outlineWidth: string; outlineColor: string } }

/**
 * Makes the next Tab go to the page's first stop. Blurring is not enough: Tab goes on from where the focus was (the
 * sequential focus navigation starting point); focusing the body moves that point to the start.
 */
async function fromTheTop(page: Page): Promise<void> {
  await page.evaluate("document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex'); window.scrollTo(0, 0)");
}

/** Presses Tab from the top of the page until `box` has the focus: how many presses, or null if it never did. */
export async function tabUntil(page: Page, box: Locator, most = 300): Promise<number | null> {
  await fromTheTop(page);
  for (let presses = 1; presses <= most; presses++) {
    await page.keyboard.press('Tab');
    if (await box.evaluate((e) => e === e.ownerDocument.activeElement)) return presses;
  }
  return null;
}

/** What Tab focuses from the top of the page until `last` has the focus: each stop's tag and name. */
export async function tabStopsUntil(page: Page, last: Locator, most = 300): Promise<string[]> {
  await fromTheTop(page);
  const stops: string[] = [];
  for (let presses = 1; presses <= most; presses++) {
    await page.keyboard.press('Tab');
    stops.push(String(await page.evaluate('`${document.activeElement.tagName} ${document.activeElement.getAttribute("aria-label") ?? ""}`')));
    if (await last.evaluate((e) => e === e.ownerDocument.activeElement)) return stops;
  }
  throw new Error(`Tab never reached ${String(last)} in ${most} presses`);
}

/** Tab reaches `box`, which then shows a ring 2px or more at 3:1 against the page, and ArrowRight scrolls it. */
export async function expectKeyboardScrolls(page: Page, box: Locator): Promise<void> {
  expect(await box.evaluate((e) => e.scrollLeft)).toBe(0);
  const before = await box.evaluate((e) => (globalThis as unknown as ComputedStyleOf).getComputedStyle(e).outlineStyle);
  expect(before).toBe('none');
  expect(await tabUntil(page, box)).not.toBeNull();
  const ring = await box.evaluate((e) => (globalThis as unknown as ComputedStyleOf).getComputedStyle(e));
  expect(ring.outlineStyle).toBe('solid');
  expect(parseFloat(ring.outlineWidth)).toBeGreaterThanOrEqual(2);
  expect(contrastOnWhite(ring.outlineColor)).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => box.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
}
