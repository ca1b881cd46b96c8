// The machine's transparent huge pages mode, printed beside the scale figures: with `always` the scale run is about
// 15 % faster than with `madvise` (the TLB misses less on a gigabyte heap; docs/performance.md), so figures from
// machines set differently do not compare. Read only: the bench never changes the machine.
import { readFileSync } from 'node:fs';

const SETTING = '/sys/kernel/mm/transparent_hugepage/enabled';

/** `always`, `madvise` or `never` (the bracketed choice in `always [madvise] never`); `unknown` where unreadable. */
export function transparentHugePages(path: string = SETTING): string {
  try {
    return /\[(\w+)\]/.exec(readFileSync(path, 'utf8'))?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
