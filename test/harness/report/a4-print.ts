// A page as Chromium prints it on A4 portrait, for the print tests of both reports: print media, and the page as wide
// as the paper's printable width, which is what a printed page's layout gets (what is wider is cut at the edge).
import type { Browser, Page } from 'playwright-core';

/** The page's getComputedStyle, for code run in it (the project's types have no DOM). */
interface ComputedStyleOf { getComputedStyle(e: unknown): { clipPath: string } }

/** 210mm less Chromium's default margins, 1cm a side (its print dialog's and printToPDF's), in CSS px (96 an inch). */
export const A4_PRINTABLE_PX = Math.floor(((210 - 2 * 10) / 25.4) * 96);

export async function openPrinted(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: A4_PRINTABLE_PX, height: 1123 } });
  await page.emulateMedia({ media: 'print' });
  await page.goto(url);
  return page;
}

/**
 * What would not reach the paper: each printed table cell whose right edge is past the printable width, or whose
 * content runs out of it (the cell fits, its text does not); and the page itself, were anything wider than the paper.
 */
export async function pastTheEdge(page: Page): Promise<string[]> {
  const cells = await page.locator('th, td').evaluateAll((all, width) => all.flatMap((cell) => {
    // Not printed: folded, or hidden from sight for a screen reader (the message table's header row on narrow paper).
    const section = cell.closest('thead, tbody, tfoot');
    if (cell.getClientRects().length === 0 || (section !== null && (globalThis as unknown as ComputedStyleOf).getComputedStyle(section).clipPath !== 'none')) return [];
    const right = cell.getBoundingClientRect().right;
    const what = `${cell.closest('table')?.className ?? ''} ${cell.textContent?.trim().slice(0, 24) ?? ''}`;
    return right > width + 0.5 || cell.scrollWidth > cell.clientWidth + 1 ? [`${what}: to ${Math.round(right)}px, ${cell.scrollWidth}px of content in ${cell.clientWidth}px`] : [];
  }), A4_PRINTABLE_PX);
  const pageWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
  return pageWidth > A4_PRINTABLE_PX ? [...cells, `the page: ${pageWidth}px`] : cells;
}
