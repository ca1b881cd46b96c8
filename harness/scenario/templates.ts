// One line for many mailboxes or users: an entry with `count: N` and `{n}` in its address stands for N entries,
// n = 1..N ("u{n}@contoso.example"), so a scenario of 10,000 mailboxes stays a page long. A list of databases is
// dealt out round-robin. Each expanded entry remembers the index of the line it came from (under a symbol, so it
// never meets a field of the scenario's own), and a problem found later points at that line.
import { z } from 'zod';
import { indexPastCap, MAX_COUNT, MAX_POPULATION, overCapMessage } from './population.js';

export const PLACEHOLDER = '{n}';

/** `count` for entries with an address: Exchange mailboxes (`withDatabases`: their list of databases), CRM users and queues. */
export function countField(withDatabases: boolean) {
  return z.number().int().positive().max(MAX_COUNT).optional()
    .meta({
      description: `This entry stands for \`count\` entries, n = 1..count: \`{n}\` in the address is replaced by n, not zero-padded (\`u{n}@contoso.example\` with \`count: 10000\`: u1@ to u10000@); quote such an address in flow style (\`{ address: "u{n}@contoso.example", count: 3 }\`), where YAML reads braces${withDatabases ? '. A list of databases is dealt out round-robin' : ''}. A scenario has at most ${MAX_POPULATION.toLocaleString('en-US')} mailboxes, CRM users and queues in all, counted after \`count\`.`,
      examples: [1],
    });
}

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
  // The loader refuses a file over the cap before the schema runs (population.ts); data given to the schema directly
  // (a library caller's, a demo lane's) is stopped here, before a single entry is made.
  const counts = entries.map((entry) => entry.count ?? 1);
  const past = indexPastCap(counts);
  if (past !== -1) {
    const total = counts.reduce((n, count) => n + count, 0);
    ctx.addIssue({ code: 'custom', path: [past, 'count'], message: overCapMessage(total, 'the entries of this list come') });
    return [];
  }
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

/** How many other entries' addresses a problem said for many entries of one line names. */
const NAMED_ALIKE = 3;

/**
 * Problems found in data expanded from `count` lines, with paths pointed back at the file (sourcePath). The entries
 * of one line share their mistakes (`count: 600` against 550 mailboxes made 50 lines that differed only in the
 * address): a problem they share, its message alike once each entry's own address is taken out, is said once, with
 * how many entries it concerns and the first few.
 */
export function sourceProblems<P extends { readonly path: ReadonlyArray<PropertyKey>; readonly message: string }>(
  data: unknown, problems: readonly P[],
): Array<{ path: PropertyKey[]; message: string }> {
  const groups = new Map<string, { path: PropertyKey[]; messages: string[]; addresses: string[]; of: number }>();
  const out: Array<{ path: PropertyKey[]; message: string } | string> = [];
  for (const problem of problems) {
    const path = sourcePath(data, problem.path);
    const entry = countedEntry(data, problem.path);
    if (entry === null) {
      out.push({ path, message: problem.message });
      continue;
    }
    const key = JSON.stringify([path.map(String), problem.message.replaceAll(entry.address, '\u0000')]);
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, { path, messages: [problem.message], addresses: [entry.address], of: entry.of });
      out.push(key);
    } else {
      group.messages.push(problem.message);
      group.addresses.push(entry.address);
    }
  }
  return out.map((item) => {
    if (typeof item !== 'string') return item;
    const { path, messages, addresses, of } = groups.get(item) as { path: PropertyKey[]; messages: string[]; addresses: string[]; of: number };
    if (messages.length === 1) return { path, message: messages[0] ?? '' };
    const others = addresses.slice(1);
    const named = others.slice(0, NAMED_ALIKE).join(', ');
    const more = others.length > NAMED_ALIKE ? ` and ${others.length - NAMED_ALIKE} more` : '';
    return { path, message: `${messages.length} of the ${of} entries this line stands for: ${messages[0] ?? ''} (also ${named}${more})` };
  });
}

/** The entry a path runs through that is one of several a `count` line stands for: its address, and how many. */
function countedEntry(data: unknown, path: ReadonlyArray<PropertyKey>): { address: string; of: number } | null {
  let node: unknown = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return null;
    const next: unknown = (node as Record<PropertyKey, unknown>)[segment];
    const from = typeof segment === 'number' && next !== null && typeof next === 'object' ? (next as Expanded)[SOURCE_INDEX] : undefined;
    if (from !== undefined && Array.isArray(node)) {
      const of = node.filter((e: unknown) => e !== null && typeof e === 'object' && (e as Expanded)[SOURCE_INDEX] === from).length;
      const address = (next as { address?: unknown }).address;
      if (of > 1 && typeof address === 'string') return { address, of };
    }
    node = next;
  }
  return null;
}
