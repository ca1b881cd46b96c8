// Demo data for the trainer view's tests, written by hand: small but shaped like `mailflow demo`'s. The router lane
// has a forward mailbox, a duplicate prevented and a tossed newsletter; the SSS lane an untracked message (moved out
// of the Inbox before the sync saw it); both share an Exchange outage (ex1 down 1h to 2h) that makes a sender retry.
// `bigDemoFixture` adds a few hundred messages per lane over days, for the player's speed and layout.
import type { CounterEvent, CounterName, DemoCaption, DemoData, DemoLane, DemoMessage, DemoOperation, DemoPlace, DemoStep, LaneId, StepMark } from '../../harness/demo/demo-data.js';

const M = 60_000;
const H = 60 * M;

type StepSpec = [atMs: number, step: string, place: string, caption: string, rules?: string[], mark?: StepMark | null, reason?: [number, string] | null];

function steps(specs: readonly StepSpec[]): DemoStep[] {
  return specs.map(([atMs, step, place, caption, rules = [], mark = null, reason = null]) => ({
    atMs, step, detail: `${step} at ${place}`, place, caption, rules, mark, reason: reason === null ? null : { code: reason[0], name: reason[1] },
  }));
}

const COUNTER_OF: Partial<Record<StepMark, CounterName>> = {
  tracked: 'tracked', tossed: 'tossed', 'duplicate-prevented': 'duplicatesPrevented', untracked: 'untracked', lost: 'lost',
};

/** A lane from its messages: the timeline, counter events and counters follow from the steps, as the extractor's do. */
export function laneOf(id: LaneId, title: string, places: DemoPlace[], messages: DemoMessage[], verdict = 'pass'): DemoLane {
  const timeline = messages
    .flatMap((m, mi) => m.steps.map((s, si) => ({ atMs: s.atMs, entry: [mi, si] as const })))
    .sort((a, b) => a.atMs - b.atMs)
    .map((e) => e.entry);
  const counterEvents: CounterEvent[] = [];
  for (const [mi, si] of timeline) {
    const step = messages[mi]?.steps[si];
    const counter = step?.mark ? COUNTER_OF[step.mark] : undefined;
    if (step && counter) counterEvents.push({ atMs: step.atMs, counter, message: mi });
  }
  const counters = { tracked: 0, tossed: 0, duplicatesPrevented: 0, untracked: 0, lost: 0 };
  for (const e of counterEvents) counters[e.counter] += 1;
  const sent = messages.length;
  return {
    id, title, places, messages, timeline, counterEvents, counters,
    run: { scenario: `fixture-${id}`, verdict, counts: { sent, accepted: sent, ...counters, pending: 0 }, unmet: verdict === 'pass' ? [] : ['no-untracked-mail: fail (expected pass)'] },
  };
}

function place(id: string, label: string, kind: DemoPlace['kind'], column: DemoPlace['column'], server: string | null = null): DemoPlace {
  return { id, label, kind, column, server };
}

const INTERNET = place('internet', 'Internet senders', 'internet', 'internet');
const EX1 = place('server:ex1', 'ex1 transport', 'transport', 'exchange', 'ex1');
const PAUL = place('mailbox:paul@contoso.example', 'paul@contoso.example', 'user-mailbox', 'exchange', 'ex1');
const ANNA = place('mailbox:anna@contoso.example', 'anna@contoso.example', 'user-mailbox', 'exchange', 'ex1');
const EXCRM = place('server:ex-crm', 'ex-crm transport', 'transport', 'exchange', 'ex-crm');
const FORWARD = place('mailbox:crm@contoso.example', 'crm@contoso.example', 'forward-mailbox', 'exchange', 'ex-crm');
const ROUTER = place('router:router', 'E-mail Router', 'router', 'processor');
const SSS = place('sss', 'Server-side sync', 'sss', 'processor');
const CRM = place('crm', 'CRM', 'crm', 'crm');

const ID = { a: '<a1@fabrikam.example>', b: '<b2@fabrikam.example>', c: '<c3@news.example>', d: '<d4@fabrikam.example>', e: '<e5@fabrikam.example>' };
const LABEL = {
  a: 'customers@fabrikam.example -> paul@contoso.example',
  b: 'customers@fabrikam.example -> paul, anna',
  c: 'news@news.example -> anna@contoso.example',
  d: 'customers@fabrikam.example -> paul@contoso.example',
  e: 'customers@fabrikam.example -> anna@contoso.example',
};
const TRACKED: [number, string] = [2, 'CorrelationMatch'];

/** The first hops every message takes: sent from the Internet, accepted by ex1, delivered to a user's Inbox. */
function arrive(t: number, to: DemoPlace): StepSpec[] {
  return [
    [t, 'submitted', INTERNET.id, 'A customer sends a message.', ['X1']],
    [t + 2_000, 'accepted', EX1.id, 'Exchange accepts it.', ['X1']],
    [t + 4_000, 'delivered', to.id, `It lands in ${to.label}'s Inbox.`, ['X2']],
  ];
}

function routerLane(): DemoLane {
  const forward = (t: number): StepSpec => [t, 'delivered', FORWARD.id, 'The inbox rule forwards a copy to the forward mailbox.', ['R2']];
  const messages: DemoMessage[] = [
    { messageId: ID.a, label: LABEL.a, fate: 'tracked', steps: steps([
      ...arrive(5 * M, PAUL), forward(5 * M + 6_000),
      [7 * M, 'evaluated', ROUTER.id, 'The router reads the forward mailbox and asks CRM.', ['R5', 'S8'], null, TRACKED],
      [7 * M + 1_000, 'activity-created', CRM.id, 'CRM tracks it as an email activity.', ['S8'], 'tracked'],
    ]) },
    { messageId: ID.b, label: LABEL.b, fate: 'tracked, duplicate prevented', steps: steps([
      ...arrive(20 * M, PAUL), [20 * M + 5_000, 'delivered', ANNA.id, "It lands in anna@contoso.example's Inbox too.", ['X2']],
      forward(20 * M + 6_000), forward(20 * M + 7_000),
      [22 * M, 'evaluated', ROUTER.id, 'The router hands the first copy to CRM.', ['R5', 'S8'], null, TRACKED],
      [22 * M + 1_000, 'activity-created', CRM.id, 'CRM tracks it.', ['S8'], 'tracked'],
      [22 * M + 2_000, 'evaluated', CRM.id, 'The second copy has the same Message-ID: CRM refuses it as a duplicate.', ['S8'], 'duplicate-prevented', [0, 'Duplicate']],
    ]) },
    { messageId: ID.c, label: LABEL.c, fate: 'tossed (NoCorrelationMatch)', steps: steps([
      ...arrive(40 * M, ANNA), forward(40 * M + 6_000),
      [42 * M, 'evaluated', ROUTER.id, 'CRM finds nothing to link the newsletter to: the router tosses it.', ['R6', 'S8'], 'tossed', [1, 'NoCorrelationMatch']],
    ]) },
    dMessage(FORWARD), eRouter(),
  ];
  return laneOf('router', 'E-mail Router (forward mailbox)', [INTERNET, EX1, PAUL, ANNA, EXCRM, FORWARD, ROUTER, CRM], messages);
}

/** The message caught by the outage: refused while ex1 is down, retried by its sender, accepted when ex1 is back. */
function dMessage(forwardTo: DemoPlace | null): DemoMessage {
  const processor = forwardTo === null ? SSS : ROUTER;
  return { messageId: ID.d, label: LABEL.d, fate: 'tracked', steps: steps([
    [70 * M, 'submitted', INTERNET.id, 'A customer sends a message while ex1 is down.', ['X1']],
    [70 * M + 1_000, 'smtp-attempt', INTERNET.id, 'ex1 does not answer: the sender keeps the message and will retry.', ['X1'], 'retry'],
    [75 * M, 'smtp-attempt', INTERNET.id, 'Still down: another retry later.', ['X1'], 'retry'],
    [85 * M, 'smtp-attempt', INTERNET.id, 'Still down: the sender waits ten minutes between tries now.', ['X1'], 'retry'],
    [125 * M, 'accepted', EX1.id, 'ex1 is back: the queued message gets in.', ['X1']],
    [125 * M + 2_000, 'delivered', PAUL.id, "It lands in paul@contoso.example's Inbox.", ['X2']],
    ...(forwardTo === null ? [] : [[125 * M + 4_000, 'delivered', forwardTo.id, 'The inbox rule forwards a copy.', ['R2']] as StepSpec]),
    [130 * M, 'evaluated', processor.id, 'The processor hands it to CRM.', ['S8'], null, TRACKED],
    [130 * M + 1_000, 'activity-created', CRM.id, 'CRM tracks it, an hour late but tracked.', ['S8'], 'tracked'],
  ]) };
}

function eRouter(): DemoMessage {
  return { messageId: ID.e, label: LABEL.e, fate: 'tracked', steps: steps([
    ...arrive(150 * M, ANNA),
    [150 * M + 6_000, 'delivered', FORWARD.id, 'The rule forwards it on arrival, before anna files it away.', ['R2']],
    [152 * M, 'evaluated', ROUTER.id, 'The router hands it to CRM.', ['R5', 'S8'], null, TRACKED],
    [152 * M + 1_000, 'activity-created', CRM.id, 'CRM tracks it.', ['S8'], 'tracked'],
  ]) };
}

function sssLane(): DemoLane {
  const sync = (t: number, caption = 'Server-side sync reads the Inbox and asks CRM.'): StepSpec => [t, 'evaluated', SSS.id, caption, ['S6', 'S8'], null, TRACKED];
  const messages: DemoMessage[] = [
    { messageId: ID.a, label: LABEL.a, fate: 'tracked', steps: steps([...arrive(5 * M, PAUL), sync(10 * M), [10 * M + 1_000, 'activity-created', CRM.id, 'CRM tracks it.', ['S8'], 'tracked']]) },
    { messageId: ID.b, label: LABEL.b, fate: 'tracked, duplicate prevented', steps: steps([
      ...arrive(20 * M, PAUL), [20 * M + 5_000, 'delivered', ANNA.id, "It lands in anna@contoso.example's Inbox too.", ['X2']],
      sync(25 * M), [25 * M + 1_000, 'activity-created', CRM.id, 'CRM tracks the copy from paul.', ['S8'], 'tracked'],
      [25 * M + 2_000, 'evaluated', CRM.id, "anna's copy has the same Message-ID: CRM refuses it as a duplicate.", ['S8'], 'duplicate-prevented', [0, 'Duplicate']],
    ]) },
    { messageId: ID.c, label: LABEL.c, fate: 'tossed (NoCorrelationMatch)', steps: steps([
      ...arrive(40 * M, ANNA), [45 * M, 'evaluated', SSS.id, 'CRM finds nothing to link the newsletter to.', ['S8'], 'tossed', [1, 'NoCorrelationMatch']],
    ]) },
    dMessage(null),
    { messageId: ID.e, label: LABEL.e, fate: 'untracked (not-in-root-inbox)', steps: steps([
      ...arrive(150 * M, ANNA),
      [151 * M, 'moved', ANNA.id, 'anna files it in a subfolder before the next sync cycle.', ['S6']],
      [240 * M, 'untracked', ANNA.id, 'Server-side sync reads only the Inbox: this message is never tracked.', ['S6'], 'untracked'],
    ]) },
  ];
  return laneOf('sss', 'Server-side synchronization', [INTERNET, EX1, PAUL, ANNA, SSS, CRM], messages, 'fail');
}

const OPERATIONS: DemoOperation[] = [
  { atMs: 60 * M, lane: 'both', verb: 'down', target: 'ex1', caption: 'Exchange server ex1 goes down.', rules: ['X1'] },
  { atMs: 120 * M, lane: 'both', verb: 'up', target: 'ex1', caption: 'ex1 is back up; senders retry.', rules: ['X1'] },
];

const CAPTIONS: DemoCaption[] = [
  { atMs: 0, lane: 'both', text: 'The same mail arrives in both architectures.' },
  { atMs: 20 * M, lane: 'router', text: 'Two users got the same message: two copies reach the forward mailbox.' },
  { atMs: 150 * M, lane: 'sss', text: 'Watch anna file this one away before the sync comes by.' },
];

export function demoFixture(): DemoData {
  return {
    scenario: 'fixture-forward-and-sync',
    title: 'Forward mailbox and server-side sync',
    description: 'A forward mailbox feeds the E-mail Router; server-side sync reads the Inboxes. ex1 is down from 09:00 to 10:00.',
    start: '2026-01-05T08:00:00Z',
    endMs: 4 * H,
    lanes: [routerLane(), sssLane()],
    operations: OPERATIONS,
    captions: CAPTIONS,
    sampled: null,
  };
}

/** A deterministic stream of numbers in [0, 1) (a small LCG: the fixture must be the same on every run). */
function numbers(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `perLane` messages spread over `days`, most tracked, some tossed, a few lost; for load and long spans. */
export function bigDemoFixture(perLane: number, days: number): DemoData {
  const base = demoFixture();
  const endMs = days * 24 * H;
  const lane = (id: LaneId, seed: number): DemoLane => {
    const next = numbers(seed);
    const processor = id === 'router' ? ROUTER : SSS;
    const messages: DemoMessage[] = [];
    for (let i = 0; i < perLane; i++) {
      const t = Math.floor(next() * (endMs - 2 * H));
      const to = next() < 0.5 ? PAUL : ANNA;
      const roll = next();
      const ending: StepSpec = roll < 0.8
        ? [t + 30 * M, 'activity-created', CRM.id, 'CRM tracks it.', ['S8'], 'tracked']
        : roll < 0.95 ? [t + 30 * M, 'evaluated', processor.id, 'Tossed.', ['S8'], 'tossed', [1, 'NoCorrelationMatch']]
        : [t + 90 * M, 'lost', to.id, 'Lost.', [], 'lost'];
      const via: StepSpec[] = id === 'router' ? [[t + 10 * M, 'delivered', FORWARD.id, 'Forwarded.', ['R2']]] : [];
      messages.push({ messageId: `<m${i}.${id}@fabrikam.example>`, label: `customer${i}@fabrikam.example -> ${to.label}`, fate: ending[5] ?? 'tracked',
        steps: steps([...arrive(t, to), ...via, [t + 20 * M, 'evaluated', processor.id, 'Evaluated.', ['S8'], null, TRACKED], ending]) });
    }
    const original = id === 'router' ? base.lanes[0] : base.lanes[1];
    return laneOf(id, original.title, [...original.places], messages);
  };
  return { ...base, scenario: 'fixture-big', endMs, lanes: [lane('router', 1), lane('sss', 2)], sampled: { shown: perLane, total: perLane * 4 },
    operations: [{ ...OPERATIONS[0]!, atMs: endMs / 3 }, { ...OPERATIONS[1]!, atMs: endMs / 3 + 6 * H }], captions: [] };
}

export const HOSTILE = `</script><script>alert("x")</script><img src=x onerror='alert(1)'> & "quoted" \u2028`;

/** The fixture with every string a person could write replaced by something that tries to break out of its place. */
export function hostileFixture(): DemoData {
  const base = demoFixture();
  const lane = (l: DemoLane): DemoLane => ({
    ...l,
    title: `${l.title} ${HOSTILE}`,
    places: l.places.map((p) => ({ ...p, label: `${p.label}${HOSTILE}` })),
    messages: l.messages.map((m) => ({
      ...m, messageId: `${m.messageId}${HOSTILE}`, label: HOSTILE, fate: HOSTILE,
      steps: m.steps.map((s) => ({ ...s, caption: HOSTILE, detail: HOSTILE, rules: [HOSTILE] })),
    })),
    run: { ...l.run, scenario: HOSTILE, verdict: HOSTILE, counts: { ...l.run.counts, [HOSTILE]: 1 } },
  });
  return {
    ...base, scenario: HOSTILE, title: HOSTILE, description: HOSTILE, start: HOSTILE,
    lanes: [lane(base.lanes[0]), lane(base.lanes[1])],
    operations: base.operations.map((o) => ({ ...o, verb: HOSTILE, target: HOSTILE, caption: HOSTILE })),
    captions: base.captions.map((c) => ({ ...c, text: HOSTILE })),
  };
}
