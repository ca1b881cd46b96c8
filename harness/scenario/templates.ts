// One line for many mailboxes or users: an entry with `count: N` and `{n}` in its address stands for N entries,
// n = 1..N ("u{n}@contoso.example"), so a scenario of 10,000 mailboxes stays a page long. A list of databases is
// dealt out round-robin. Each expanded entry remembers the index of the line it came from (under a symbol, so it
// never meets a field of the scenario's own), and a problem found later points at that line.
import { z } from 'zod';

export const PLACEHOLDER = '{n}';

export const countField = z.number().int().positive().max(1_000_000).optional()
  .meta({
    description: 'This entry stands for `count` entries, n = 1..count: `{n}` in the address is replaced by n (`u{n}@contoso.example` with `count: 10000`); a list of databases is dealt out round-robin.',
    examples: [1],
  });

/** The index of the scenario line an expanded entry came from. */
export const SOURCE_INDEX: unique symbol = Symbol('source index');

export interface Expanded {
  readonly [SOURCE_INDEX]?: number;
}

/**
 * Expands `count` entries; `each` adjusts an expanded entry for its n (a database dealt round-robin). Reports an
 * entry with `count` but no `{n}` in its address (every copy would have the same one).
 */
export function expandCounted<T extends { readonly address: string; readonly count?: number | undefined }, U extends object>(
  entries: readonly T[], ctx: z.RefinementCtx, each: (entry: Omit<T, 'count'>, n: number | null) => U,
): Array<U & Expanded> {
  const out: Array<U & Expanded> = [];
  entries.forEach((entry, index) => {
    const { count, ...rest } = entry;
    if (count === undefined) {
      if (entry.address.includes(PLACEHOLDER)) ctx.addIssue({ code: 'custom', path: [index, 'address'], message: `${PLACEHOLDER} goes with count` });
      out.push({ ...each(rest, null), [SOURCE_INDEX]: index });
      return;
    }
    if (!entry.address.includes(PLACEHOLDER) && count > 1) {
      ctx.addIssue({ code: 'custom', path: [index, 'address'], message: `with count, the address needs ${PLACEHOLDER} (each of the ${count} gets its own)` });
      return;
    }
    for (let n = 1; n <= count; n++) out.push({ ...each({ ...rest, address: entry.address.replaceAll(PLACEHOLDER, String(n)) }, n), [SOURCE_INDEX]: index });
  });
  return out;
}

/** A path into the expanded scenario, pointed back at the lines the entries came from. */
export function sourcePath(data: unknown, path: ReadonlyArray<PropertyKey>): PropertyKey[] {
  const out: PropertyKey[] = [];
  let node: unknown = data;
  for (const segment of path) {
    const next: unknown = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[segment] : undefined;
    const from = typeof segment === 'number' && next !== null && typeof next === 'object' ? (next as Expanded)[SOURCE_INDEX] : undefined;
    out.push(from ?? segment);
    node = next;
  }
  return out;
}
