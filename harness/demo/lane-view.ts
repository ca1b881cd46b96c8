// One lane of the demo from its finished run: its places, each message's steps as the class sees them, the timeline
// the page steps through, and the counters' events. A lane with more messages than a page animates keeps the first
// ones (in first-seen order) and says so; its counters still count every message.
import { isUntracked, lostRecipients, untrackedReasonOf } from '../../sim/ledger/counts.js';
import { TOSSED_REASON_CODES, type MessageLife } from '../../sim/ledger/records.js';
import type { RunOutcome } from '../run/run-scenario.js';
import type { Scenario } from '../scenario/schema.js';
import { COUNTER_NAMES, type CounterEvent, type CounterName, type DemoLane, type DemoPlace, type DemoMessage, type DemoReads, type DemoStep, type LaneId } from './demo-data.js';
import { counterEventsOf } from './counter-events.js';
import { INTERNET, lanePlaces, mailboxPlace, type LanePlaces } from './lane-places.js';
import { reasonName } from './reason-names.js';
import { viewStep } from './step-view.js';

/** Messages a lane animates at most; beyond it the page would crawl and no class could follow anyway. */
export const MAX_SHOWN_MESSAGES = 400;

/** A lane's heading from what it draws: which processor reads which mailboxes. */
export function laneTitle(places: readonly DemoPlace[]): string {
  const has = (kind: DemoPlace['kind']): boolean => places.some((p) => p.kind === kind);
  if (has('router') && has('sss')) return 'A cutover: the E-mail Router until the switch, then server-side sync';
  if (has('sss')) return 'Server-side synchronization: CRM reads each mailbox\'s own Inbox';
  if (has('router') && has('forward-mailbox')) return 'E-mail Router: inbox rules copy mail to a forward mailbox the router reads';
  if (has('router')) return 'E-mail Router: the router reads each user\'s own Inbox';
  return 'No E-mail Router and no server-side sync';
}

export interface LaneViewInput {
  readonly id: LaneId;
  readonly scenario: Scenario;
  readonly outcome: RunOutcome;
  readonly endMs: number;
  /** The readers' reads of the drawn mailboxes (read-watch.ts), in the order of those given; none without it. */
  readonly reads?: (mailboxes: readonly string[]) => DemoReads[];
}

export function laneView({ id, scenario, outcome, endMs, reads }: LaneViewInput): DemoLane & { readonly total: number } {
  const places = lanePlaces(scenario);
  const subjects = subjectsOf(scenario);
  const messages: DemoMessage[] = [];
  const counterEvents: CounterEvent[] = [];
  let total = 0;
  for (const life of outcome.ledger.messages()) {
    const shown = total < MAX_SHOWN_MESSAGES;
    const index = shown ? total : -1;
    total++;
    const inFlightAt = outcome.ledger.inFlightAt(life.messageId);
    counterEvents.push(...counterEventsOf(life, index, inFlightAt !== undefined, endMs));
    if (shown) messages.push(messageView(life, places, inFlightAt, nameOf(life.messageId, subjects, index)));
  }
  counterEvents.sort((a, b) => a.atMs - b.atMs);
  const counters = Object.fromEntries(COUNTER_NAMES.map((name) => [name, 0])) as Record<CounterName, number>;
  for (const event of counterEvents) counters[event.counter]++;
  const disabled = disabledSpans(outcome, endMs, new Set(places.places.map((p) => p.id)));
  const read = reads?.(places.places.filter((p) => p.column === 'exchange' && p.kind !== 'transport').map((p) => p.id)) ?? [];
  return {
    id, title: laneTitle(places.places), places: places.places, messages, timeline: timelineOf(messages), counterEvents, counters,
    run: { scenario: outcome.scenario, verdict: outcome.verdict, counts: { ...outcome.counts }, unmet: unmetOf(outcome) }, total,
    ...(disabled.length === 0 ? {} : { disabled }),
    ...(read.length === 0 ? {} : { reads: read }),
  };
}

/** The times sync had a drawn mailbox disabled: those a Test & Enable ended, and those still disabled at the end. */
function disabledSpans(outcome: RunOutcome, endMs: number, drawn: ReadonlySet<string>): Array<{ place: string; fromMs: number; toMs: number; why: string }> {
  return [
    ...(outcome.reenabledMailboxes ?? []).map((m) => ({ place: mailboxPlace(m.address), fromMs: m.atMs, toMs: m.enabledAgainAtMs, why: m.why })),
    ...(outcome.disabledMailboxes ?? []).map((m) => ({ place: mailboxPlace(m.address), fromMs: m.atMs, toMs: endMs, why: m.why })),
  ].filter((span) => drawn.has(span.place)).sort((a, b) => a.fromMs - b.fromMs || (a.place < b.place ? -1 : a.place > b.place ? 1 : 0));
}

/** A lesson run under another seed may not show what its file expects: say what, as `mailflow run` would. */
function unmetOf(outcome: RunOutcome): string[] {
  return [
    ...outcome.checks.filter((c) => c.verdict !== c.expected).map((c) => `${c.name}: ${c.verdict} (expected ${c.expected})`),
    ...outcome.expectations.filter((e) => e.verdict === 'fail').map((e) => `${e.name} ${e.expected} (actual ${e.actual})`),
  ];
}

/** Subjects the scenario writes for its single messages, by Message-ID (the sender's made-up one when it gives none). */
function subjectsOf(scenario: Scenario): Map<string, string> {
  const subjects = new Map<string, string>();
  (scenario.traffic?.messages ?? []).forEach((m, index) => {
    if (m.subject === '' || m.subject === '(no subject)' || m.messageId === null) return;
    subjects.set(m.messageId ?? `<message-${index + 1}@${(m.from.split('@')[1] ?? '').toLowerCase()}>`, m.subject);
  });
  return subjects;
}

/** Longest subject or Message-ID part a message's name shows. */
const NAME_CHARS = 24;

/** `"Quote request"`, `carol-3` (`<carol-3@fabrikam.example>`, a generator's), or `#12`. */
export function nameOf(messageId: string, subjects: ReadonlyMap<string, string>, index: number): string {
  const subject = subjects.get(messageId);
  if (subject !== undefined) return `"${subject.length <= NAME_CHARS ? subject : `${subject.slice(0, NAME_CHARS - 3).trimEnd()}...`}"`;
  const local = /^<([^@<>\s]+)@[^<>\s]+>$/.exec(messageId)?.[1];
  return local !== undefined && local.length <= NAME_CHARS ? local : `#${index + 1}`;
}

function messageView(life: MessageLife, places: LanePlaces, inFlightAt: string | undefined, name: string): DemoMessage {
  const path = life.path;
  const ctx = { places, crmEmail: life.outbound !== null };
  const steps: DemoStep[] = [];
  let place = INTERNET;
  for (const step of path) {
    const view = viewStep(step, place, ctx);
    steps.push(view);
    place = view.place;
  }
  const submitted = path.find((s) => s.step === 'submitted');
  const label = submitted === undefined ? life.messageId : submitted.detail.replace(/^from /, '').replace(' to ', ' -> ');
  return { messageId: life.messageId, label, name, steps, fate: fateOf(life, inFlightAt) };
}

function fateOf(life: MessageLife, inFlightAt: string | undefined): string {
  if (inFlightAt !== undefined) return `pending (${inFlightAt})`;
  if (lostRecipients(life).length > 0) return 'lost';
  if (isUntracked(life)) return `untracked (${untrackedReasonOf(life)})`;
  if (life.outbound !== null) return `CRM email, ${life.outbound.status}`;
  if (life.activities.length > 0) return 'tracked';
  if (life.bouncedAtMs !== null) return 'bounced';
  const tossed = life.evaluations.find((e) => TOSSED_REASON_CODES.has(e.reasonCode));
  if (tossed !== undefined) return `tossed (${reasonName(tossed.reasonCode)})`;
  return 'delivered; not for CRM';
}

/** Every step in time order; steps at one instant keep message order, then step order (a stable sort). */
function timelineOf(messages: readonly DemoMessage[]): Array<readonly [number, number]> {
  const entries: Array<readonly [number, number]> = [];
  messages.forEach((m, i) => m.steps.forEach((_, j) => entries.push([i, j])));
  const atMs = (e: readonly [number, number]): number => messages[e[0]]?.steps[e[1]]?.atMs ?? 0;
  return entries.sort((a, b) => atMs(a) - atMs(b));
}
