// Code shown in the docs, read back for the tests that run it: a page's fenced blocks, and the part of a test file
// that is a page's example, with its imports of the source written as a consumer imports the package.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The fenced blocks of a page's section (from its `## heading` to the next), each without its fences. */
export function sectionBlocks(page: string, heading: string): string[] {
  const text = readFileSync(page, 'utf8');
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`${page} has no section "## ${heading}"`);
  const next = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, next < 0 ? undefined : next);
  return [...section.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
}

const BEGIN = '// ---- the example ----\n';
const END = '// ---- end of the example ----\n';

/** The package's entries as a consumer imports them, by the source files a test imports instead. */
const PACKAGE_IMPORTS: ReadonlyArray<readonly [string, string]> = [
  ['\'../../harness/index.js\'', '\'mailflow-sim\''],
  ['\'../../harness/testing/vitest-matchers.js\'', '\'mailflow-sim/vitest\''],
];

/** What a test file holds between the example's markers, importing the package by name. */
export function exampleIn(testFile: string): string {
  const text = readFileSync(fileURLToPath(testFile), 'utf8');
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`${testFile} has no example between "${BEGIN.trim()}" and "${END.trim()}"`);
  return PACKAGE_IMPORTS.reduce((code, [source, name]) => code.replaceAll(source, name), text.slice(begin + BEGIN.length, end));
}
