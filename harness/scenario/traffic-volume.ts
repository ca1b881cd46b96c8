// How much mail a scenario will simulate, estimated before the world is built, so that a slip (`ratePerHour: 1e12`, a
// horizon of 100 years) is refused at its field instead of running for minutes and dying of Node's out-of-memory abort.
// The estimate counts each recipient's copy: a generator makes ratePerHour x its active hours messages (a daily curve
// keeps ratePerHour as the daily average), at most `count`, each to fanOut recipients; listed messages and CRM email
// count their recipients; the toy world's sender makes its `messages`, as many as its mean interval fits before the
// horizon.
import type { ConsistencyProblem } from './check-consistency.js';
import { crmOrganisations } from './crm-organisations.js';
import { formatDurationMs } from './duration.js';
import type { Scenario } from './schema.js';

/**
 * The most a run may simulate. scenarios/scale.yaml, the benchmark, is 1,000,000 messages in a day: about 35 s and
 * 1.2 GB. A run holds every message's record until it is checked, so time and memory grow with the count: 20 times
 * that is some 12 minutes and 24 GB, a large machine's whole day's work with the heap raised
 * (NODE_OPTIONS=--max-old-space-size). Anything past it is a slip in a rate or a horizon, not a plan.
 */
export const MAX_MESSAGES = 20_000_000;

/** What to change when a generator makes too much (a plan, whose traffic it compiles into generators, says its own). */
export const GENERATOR_REMEDY = 'lower the rate, the horizon or `until`, or set `count`';

interface Share {
  readonly path: Array<string | number>;
  readonly messages: number;
  /** How the share comes about, for the message. */
  readonly why: string;
  /** What to change to make less of it. */
  readonly remedy: string;
}

/** Each generator's expected messages, the toy sender's, and the listed ones together. */
export function trafficShares(scenario: Scenario): Share[] {
  const users = (scenario.exchange?.mailboxes ?? []).filter((m) => m.kind === 'user').length;
  const generators = (scenario.traffic?.generators ?? []).map((g, i): Share => {
    const activeMs = Math.min(g.until ?? scenario.horizon, scenario.horizon);
    const sent = Math.min(g.ratePerHour * (activeMs / 3_600_000), g.count ?? Infinity);
    const recipients = Math.min(g.fanOut, Math.max(1, g.to === 'all-users' ? users : g.to.length));
    const limit = g.count !== undefined && sent === g.count ? `count ${g.count}` : `${shownNumber(g.ratePerHour)} an hour for ${formatDurationMs(activeMs)}`;
    return {
      path: ['traffic', 'generators', i, 'ratePerHour'], messages: sent * recipients, why: `${limit}, ${recipients} recipient${recipients === 1 ? '' : 's'} each`, remedy: GENERATOR_REMEDY,
    };
  });
  const traffic = scenario.traffic;
  const listed = (traffic?.messages ?? []).reduce((n, m) => n + m.to.length + m.cc.length, 0)
    + (traffic?.eml ?? []).reduce((n, e) => n + (e.to?.length ?? 1), 0)
    + crmOrganisations(scenario).reduce((n, { section }) => n + section.emails.reduce((k, e) => k + e.to.length + e.cc.length, 0), 0);
  return [...generators, ...toyShare(scenario), { path: ['traffic', 'messages'], messages: listed, why: 'the messages listed', remedy: 'list fewer' }];
}

/** The toy sender's messages, one every meanInterval on average until the horizon. */
function toyShare({ toy, horizon }: Scenario): Share[] {
  if (toy === undefined) return [];
  return [{
    path: ['toy', 'messages'], messages: Math.min(toy.messages, horizon / toy.meanInterval),
    why: `${shownNumber(toy.messages)} messages, one every ${formatDurationMs(toy.meanInterval)} on average for ${formatDurationMs(horizon)}`,
    remedy: 'fewer messages, a longer meanInterval or a shorter horizon',
  }];
}

export function checkTrafficVolume(scenario: Scenario): ConsistencyProblem[] {
  const shares = trafficShares(scenario);
  const total = shares.reduce((n, s) => n + s.messages, 0);
  if (!(total > MAX_MESSAGES)) return [];
  const biggest = shares.reduce((a, b) => (b.messages > a.messages ? b : a));
  const own = biggest.messages === total ? '' : `; this part ${shownNumber(Math.round(biggest.messages))}`;
  return [{
    path: biggest.path,
    message: `the traffic comes to about ${shownNumber(Math.round(total))} messages (${biggest.why}${own}), more than the ${shownNumber(MAX_MESSAGES)} a run may simulate: ${biggest.remedy}`,
  }];
}

/** `8,000,000` or `0.5` as people read them; past what digits show sensibly, `8.0e+12`. */
function shownNumber(n: number): string {
  if (!Number.isFinite(n)) return 'more than 1e308';
  return n < 1e15 ? n.toLocaleString('en-US', { maximumFractionDigits: n < 1 ? 8 : 2 }) : n.toPrecision(2);
}
