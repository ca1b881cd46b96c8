// The determinism ban (design.md): simulation code must not read the wall clock, an unseeded random source, the
// host name or DNS, nor schedule real callbacks. Like TigerBeetle's `tidy`, a scan enforces it without a linter.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const BANNED: ReadonlyArray<{ readonly name: string; readonly pattern: RegExp }> = [
  { name: 'Date.now', pattern: /\bDate\.now\b/ },
  { name: 'argument-less new Date()', pattern: /\bnew\s+Date\s*(?:\(\s*\)|[;,)\]}]|$)/ },
  { name: 'Date() called as a function', pattern: /(?<![.\w]|new\s)Date\s*\(\s*\)/ },
  { name: 'Math.random', pattern: /\bMath\s*(?:\.\s*random\b|\[\s*['"`]random)|\brandom\b[^=\n]*\}\s*=\s*Math\b/ },
  { name: 'crypto.random*', pattern: /\b(?:randomBytes|randomUUID|randomInt|randomFill(?:Sync)?|getRandomValues)\b/ },
  { name: 'performance.now', pattern: /\bperformance\.now\b/ },
  { name: 'real timers', pattern: /\b(?:setTimeout|setInterval|setImmediate|queueMicrotask)\b/ },
  { name: 'process.nextTick', pattern: /\bprocess\.nextTick\b/ },
  { name: 'hostname', pattern: /\bhostname\s*\(/ },
  { name: 'DNS', pattern: /['"](?:node:)?dns(?:\/promises)?['"]/ },
  { name: 'process.hrtime', pattern: /\bprocess\.hrtime\b/ },
];

export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly api: string;
  readonly text: string;
}

/** Violations in one source text; `//` comments are skipped so a comment may name what it avoids. */
export function scanSource(file: string, source: string): Violation[] {
  const out: Violation[] = [];
  source.split('\n').forEach((raw, i) => {
    const code = raw.replace(/\/\/.*$/, '');
    for (const { name, pattern } of BANNED) {
      if (pattern.test(code)) out.push({ file, line: i + 1, api: name, text: raw.trim() });
    }
  });
  return out;
}

/** Every `.ts` file under `dirs`, except under `excluded` folders (relative to root). */
export function scanTree(root: string, dirs: readonly string[], excluded: readonly string[]): Violation[] {
  const out: Violation[] = [];
  const visit = (path: string): void => {
    const rel = relative(root, path);
    if (excluded.some((e) => rel === e || rel.startsWith(`${e}/`))) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    } else if (path.endsWith('.ts')) {
      out.push(...scanSource(rel, readFileSync(path, 'utf8')));
    }
  };
  for (const dir of dirs) visit(join(root, dir));
  return out;
}
