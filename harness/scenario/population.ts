// How many mailboxes, CRM users and queues a scenario has once its `count` lines are expanded, and the most it may
// have. A line `count: 1000000` is 40 bytes: thirty of them made `validate` build 30 million entries, run 5 minutes,
// reach 4.7 GB and die of V8's out-of-memory abort. The total is read from the file's data before the schema expands
// anything, and a scenario over the cap is refused at the line that takes it past, as the traffic's cap is
// (traffic-volume.ts).
import type { FieldProblem } from './load-scenario.js';
import type { Scenario } from './schema.js';

/**
 * The most mailboxes, CRM users and queues a scenario may have together, after `count`. scenarios/scale.yaml has
 * 20,000 (10,000 mailboxes, each a CRM user); a plan at its own cap (100,000 users and queues, plan-schema.ts)
 * compiles to 200,001 (a mailbox and a CRM record each, and the forward mailbox). Validating 250,000 takes some 15 s
 * and 600 MB; a run holds about 800 bytes of heap for each (heap-preflight.ts).
 */
export const MAX_POPULATION = 250_000;

/** The most one `count` may say (templates.ts): no more than the whole scenario may have. */
export const MAX_COUNT = MAX_POPULATION;

type Data = Record<string, unknown>;

/** One line of the file that stands for `entries` of the population, with where it is. */
interface WrittenEntry {
  readonly path: ReadonlyArray<PropertyKey>;
  readonly entries: number;
}

/** The population as written: each mailbox, user and queue line with how many it stands for (1, or its `count`). */
function writtenEntries(data: unknown): WrittenEntry[] {
  if (!isRecord(data)) return [];
  const lists: Array<readonly [PropertyKey[], unknown]> = [];
  if (isRecord(data['exchange'])) lists.push([['exchange', 'mailboxes'], data['exchange']['mailboxes']]);
  const crm = data['crm'];
  const organisations: Array<readonly [PropertyKey[], unknown]> = Array.isArray(crm) ? crm.map((o, i) => [['crm', i], o] as const) : [[['crm'], crm]];
  for (const [at, organisation] of organisations) {
    if (!isRecord(organisation)) continue;
    lists.push([[...at, 'users'], organisation['users']], [[...at, 'queues'], organisation['queues']]);
  }
  return lists.flatMap(([at, list]) => (Array.isArray(list) ? list.map((entry, i) => lineOf([...at, i], entry)) : []));
}

function lineOf(path: PropertyKey[], entry: unknown): WrittenEntry {
  const count = isRecord(entry) ? entry['count'] : undefined;
  // Taken at its word even past MAX_COUNT, so that the total is said; a count that is no whole number from 1 up stands
  // for one entry, and the schema says what is wrong with it.
  if (typeof count === 'number' && Number.isSafeInteger(count) && count >= 1) return { path: [...path, 'count'], entries: count };
  return { path, entries: 1 };
}

/**
 * A scenario's data (as read from YAML, before the schema) over the cap: one problem, at the line that takes the
 * running total past it, saying the total and the cap. Nothing is expanded to find it.
 */
export function populationProblems(data: unknown): FieldProblem[] {
  const lines = writtenEntries(data);
  const total = lines.reduce((n, line) => n + line.entries, 0);
  if (total <= MAX_POPULATION) return [];
  return [{ path: lines[indexPastCap(lines.map((line) => line.entries))]?.path ?? [], message: overCapMessage(total) }];
}

/** The index of the entry at which a running total of `entries` first goes over the cap (-1: it never does). */
export function indexPastCap(entries: readonly number[]): number {
  let running = 0;
  return entries.findIndex((n) => (running += n) > MAX_POPULATION);
}

/** Said for the whole file (the loader) and for one list (templates.ts, for data given to the schema directly). */
export function overCapMessage(total: number, what = 'the scenario\'s mailboxes, CRM users and queues come'): string {
  return `${what} to ${total.toLocaleString('en-US')} after \`count\`, over the ${MAX_POPULATION.toLocaleString('en-US')} a scenario may have `
    + '(scenarios/scale.yaml has 20,000): use smaller counts, or split the organisation into scenarios of its sites';
}

/** The mailboxes, CRM users and queues of a scenario as it runs (expanded): what the heap pre-flight weighs. */
export function populationOf(scenario: Scenario): number {
  const organisations = scenario.crm === undefined ? [] : Array.isArray(scenario.crm) ? scenario.crm : [scenario.crm];
  return (scenario.exchange?.mailboxes.length ?? 0) + organisations.reduce((n, o) => n + o.users.length + o.queues.length, 0);
}

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
