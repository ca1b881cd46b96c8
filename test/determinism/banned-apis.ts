// The determinism ban (design.md): simulation code must not read the wall clock, an unseeded random source, the
// host name or DNS, the environment, the locale or time zone, nor schedule real callbacks. Like TigerBeetle's `tidy`, a scan enforces it without a linter.
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
  // What the machine is or where it stands: the same scenario must run alike anywhere (the determinism audit).
  { name: 'process.env', pattern: /\bprocess\.env\b/ },
  { name: 'the os or v8 module', pattern: /['"](?:node:)?(?:os|v8)['"]/ },
  // Locale and time zone: ICU takes the locale from LANG, and local-time getters from TZ.
  { name: 'localeCompare', pattern: /\blocaleCompare\b/ },
  { name: 'toLocale* without a locale', pattern: /\.toLocale\w*\(\s*\)/ },
  { name: 'Intl', pattern: /\bIntl\s*\./ },
  { name: 'local-time Date getter', pattern: /\.get(?:FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds|TimezoneOffset)\s*\(/ },
  { name: 'Date() with arguments (still the wall clock)', pattern: /(?<![.\w]|new\s)Date\s*\(\s*[^)\s]/ },
  // A date without a zone is read in local time: allowed only where a zone is known to be there (marked).
  { name: 'Date.parse', pattern: /\bDate\.parse\b/ },
  // When the collector runs is the machine's business.
  { name: 'WeakRef or FinalizationRegistry', pattern: /\b(?:WeakRef|FinalizationRegistry)\b/ },
];

/** A line that ends with this comment, and says why, is allowed: a use shown safe where it stands. */
export const ALLOWED_MARK = '// deterministic:';

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
    if (raw.includes(ALLOWED_MARK)) return;
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
