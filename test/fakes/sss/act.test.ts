// Appointments, contacts and tasks through server-side sync (S15, S5), in whole scenarios: a person works in Outlook
// (`exchangeItem`) and in CRM (`crmRecord`), sync carries it across, and the test reads both stores at the end.
import { describe, expect, it } from 'vitest';
import { crmScenario, crmScenarioText } from '../../helpers/crm-scenario.js';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import type { Engine } from '../../../sim/core/engine.js';
import type { TraceRecord } from '../../../sim/core/trace.js';
import type { SssDurable } from '../../../fakes/sss/sss-service.js';
import type { CrmServerDurable } from '../../../fakes/crm/crm-server.js';
import type { ExchangeServerDurable } from '../../../fakes/exchange/exchange-server.js';
import type { ExchangeActItem } from '../../../fakes/exchange/act-items.js';
import type { CrmActRecord } from '../../../fakes/crm/act-records.js';
import { inputProblems } from '../../helpers/input-problems.js';

const PAUL = 'paul@contoso.example';
const USERS = `
    - { address: paul@contoso.example, incoming: email-router, outgoing: email-router }
    - { address: anna@contoso.example, incoming: email-router, outgoing: email-router }`;
const ON_SSS = '{ at: 0s, verb: switchToServerSideSync, target: crm }';
const sss = (act: string) => `
  profiles: [{ name: exchange, server: ex1 }]
  enabled: all
  act: ${act}`;

interface ActEnd {
  readonly items: (mailbox?: string) => ExchangeActItem[];
  readonly records: CrmActRecord[];
  readonly stats: SssDurable['actStats'];
  readonly alerts: SssDurable['alerts'];
  readonly trace: TraceRecord[];
}

/** Runs the operations (YAML list items) with ACT sync on and returns both stores at the end. */
function runAct(operations: string[], options: { act?: string; horizon?: string; trace?: boolean; profile?: string } = {}): ActEnd {
  const section = sss(options.act ?? '{}').replace('server: ex1 }', `server: ex1${options.profile ?? ''} }`);
  const scenario = crmScenario({ users: USERS, horizon: options.horizon ?? '6h', sss: section, faults: `[${[ON_SSS, ...operations].join(', ')}]` });
  const trace: TraceRecord[] = [];
  let end: ActEnd | undefined;
  runScenario(scenario, {
    ...(options.trace === true ? { traceSink: (r: TraceRecord) => trace.push({ ...r }) } : {}),
    atEnd: (engine: Engine) => {
      const exchange = engine.durableOf('ex1') as ExchangeServerDurable;
      const sssDisk = engine.durableOf('sss') as SssDurable;
      end = {
        items: (mailbox = PAUL) => exchange.databases.get('db1')?.act.get(mailbox) ?? [],
        records: [...(engine.durableOf('crm') as CrmServerDurable).db.actRecords.values()],
        stats: sssDisk.actStats, alerts: sssDisk.alerts, trace,
      };
    },
  });
  if (end === undefined) throw new Error('the run did not end');
  return end;
}

const inOutlook = (at: string, action: string, item: string, mailbox = PAUL) => `{ at: ${at}, verb: exchangeItem, target: ex1, mailbox: ${mailbox}, action: ${action}, item: ${item} }`;
const inCrm = (at: string, action: string, item: string) => `{ at: ${at}, verb: crmRecord, target: crm, action: ${action}, item: ${item} }`;
const MEETING = '{ id: m1, entity: appointment, subject: Review, start: 3h, end: 4h, attendees: [carol@fabrikam.example] }';

describe('Exchange to CRM only for tracked items, then both ways (S15)', () => {
  it('an untracked appointment stays in Exchange; a tracked one gets one CRM record, linked, and edits flow both ways', () => {
    const end = runAct([
      inOutlook('10m', 'create', '{ id: private, entity: appointment, start: 1h, end: 2h }'),
      inOutlook('10m', 'create', '{ id: m1, entity: appointment, subject: Review, start: 3h, end: 4h, tracked: true }'),
      inOutlook('1h', 'edit', '{ id: m1, subject: "Review, moved", start: 5h, end: 6h }'),
      inCrm('2h', 'edit', '{ id: act-1, subject: "Review (agenda attached)" }'),
    ]);
    expect(end.records).toHaveLength(1);
    expect(end.records[0]).toMatchObject({ id: 'act-1', owner: PAUL, organizer: PAUL, startMs: 5 * 3_600_000, subject: 'Review (agenda attached)' });
    expect(end.items().find((i) => i.itemId === 'm1')).toMatchObject({ crmId: 'act-1', subject: 'Review (agenda attached)', startMs: 5 * 3_600_000 });
    expect(end.items().find((i) => i.itemId === 'private')?.crmId).toBeNull();
    expect(end.stats).toMatchObject({ createdInCrm: 1, updatedInCrm: 1, updatedInExchange: 1, createdInExchange: 0 });
  });

  it('a record made in CRM appears in the owner\'s mailbox within one ACT cycle (5-15 minutes, S5), and cycles keep that pace', () => {
    // Only Paul has ACT sync here, so every ACT timer in the trace is his.
    const end = runAct([inCrm('1h', 'create', `{ id: r1, entity: task, owner: ${PAUL}, due: 1d }`)], { trace: true, act: `{ users: [{ address: ${PAUL} }] }` });
    expect(end.items()).toMatchObject([{ itemId: 'crm-r1', crmId: 'r1', entity: 'task', dueMs: 86_400_000 }]);
    expect(end.items()[0]?.modifiedAtMs).toBeGreaterThan(3_600_000);
    expect(end.items()[0]?.modifiedAtMs).toBeLessThanOrEqual(3_600_000 + 15 * 60_000);
    expect(end.items('anna@contoso.example')).toEqual([]);
    const cycles = end.trace.filter((r) => r.kind === 'timer' && r.tag === 'act-cycle').map((r) => r.timeMs);
    const gaps = cycles.slice(1).map((t, i) => t - (cycles[i] ?? 0));
    expect(gaps.length).toBeGreaterThan(10);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(5 * 60_000);
      expect(gap).toBeLessThanOrEqual(15 * 60_000);
    }
  });
});

describe('filters (S15)', () => {
  it('are a union per entity; an entity without a filter is not synchronized', () => {
    const end = runAct([
      inCrm('10m', 'create', `{ id: open-meeting, entity: appointment, owner: ${PAUL}, start: 5h, end: 6h }`),
      inCrm('10m', 'create', `{ id: recent-done, entity: appointment, owner: ${PAUL}, start: 1h, end: 2h }`),
      inCrm('20m', 'complete', '{ id: recent-done }'),
      inCrm('10m', 'create', `{ id: t1, entity: task, owner: ${PAUL}, due: 1d }`),
      inCrm('10m', 'create', `{ id: c1, entity: contact, owner: ${PAUL}, subject: Carol }`),
    ], { act: '{ filters: [{ entity: appointment, state: open }, { entity: appointment, within: 1d }, { entity: contact }] }' });
    expect(end.items().map((i) => i.crmId).sort()).toEqual(['c1', 'open-meeting', 'recent-done']);
  });

  it('a record dropping out is deleted from Exchange, sending a cancellation; with distinct deletes it stays', () => {
    const operations = [
      inCrm('10m', 'create', `{ id: r1, entity: appointment, owner: ${PAUL}, start: 3h, end: 4h, attendees: [carol@fabrikam.example] }`),
      inCrm('2h', 'complete', '{ id: r1 }'),
    ];
    const filters = '[{ entity: appointment, state: open }]';
    const plain = runAct(operations, { act: `{ filters: ${filters} }` });
    expect(plain.items()).toEqual([]);
    expect(plain.stats).toMatchObject({ createdInExchange: 1, deletedInExchange: 1, cancellationsSent: 1 });
    const distinct = runAct(operations, { act: `{ filters: ${filters}, distinctDeletes: true }` });
    expect(distinct.items()).toMatchObject([{ crmId: 'r1' }]);
    expect(distinct.stats).toMatchObject({ deletedInExchange: 0, cancellationsSent: 0, keptAfterDroppingOut: 1 });
  });

  it('an appointment canceled in CRM is removed with a cancellation, whatever the filters and the distinct deletes [I]', () => {
    const end = runAct([
      inCrm('10m', 'create', `{ id: r1, entity: appointment, owner: ${PAUL}, start: 3h, end: 4h, attendees: [carol@fabrikam.example] }`),
      inCrm('2h', 'cancel', '{ id: r1 }'),
    ], { act: '{ filters: [{ entity: appointment, within: 14d }], distinctDeletes: true }' });
    expect(end.items()).toEqual([]);
    expect(end.stats).toMatchObject({ deletedInExchange: 1, cancellationsSent: 1, keptAfterDroppingOut: 0 });
  });

  it('with distinct deletes, a record kept after dropping out is still removed when it is deleted in CRM', () => {
    const end = runAct([
      inCrm('10m', 'create', `{ id: t1, entity: task, owner: ${PAUL}, due: 1d }`),
      inCrm('1h', 'complete', '{ id: t1 }'),
      inCrm('2h', 'delete', '{ id: t1 }'),
    ], { act: '{ filters: [{ entity: task, state: open }], distinctDeletes: true }' });
    expect(end.items()).toEqual([]);
    expect(end.stats).toMatchObject({ keptAfterDroppingOut: 1, deletedInExchange: 1 });
  });

  it('a tracked item of an entity without a filter stays in Exchange only; one tracked outside the window is not cancelled', () => {
    const end = runAct([
      inOutlook('10m', 'create', '{ id: c1, entity: contact, tracked: true }'),
      inOutlook('10m', 'create', '{ id: old, entity: appointment, start: -20d, end: -20d, attendees: [carol@fabrikam.example], tracked: true }'),
    ], { act: '{ filters: [{ entity: appointment, within: 14d }] }' });
    expect(end.records.map((r) => r.entity)).toEqual(['appointment']);
    expect(end.items().map((i) => i.itemId).sort()).toEqual(['c1', 'old']);
    expect(end.stats).toMatchObject({ createdInCrm: 1, deletedInExchange: 0, cancellationsSent: 0 });
  });

  it('a task completed in Outlook is completed in CRM, and drops out of an open-tasks filter there', () => {
    const end = runAct([
      inOutlook('10m', 'create', '{ id: t1, entity: task, due: 1d, tracked: true }'),
      inOutlook('1h', 'edit', '{ id: t1, completed: true }'),
    ], { act: '{ filters: [{ entity: task, state: open }], distinctDeletes: true }' });
    expect(end.records).toMatchObject([{ state: 'completed', completed: true }]);
    expect(end.stats).toMatchObject({ updatedInCrm: 1, keptAfterDroppingOut: 1 });
  });

  it('with distinct deletes, a record that drops out and comes back is linked to the item left behind, not made twice', () => {
    const end = runAct([
      inCrm('10m', 'create', `{ id: r1, entity: appointment, owner: ${PAUL}, start: 3h, end: 4h }`),
      inCrm('1h', 'edit', '{ id: r1, start: -3d, end: -3d }'),
      inCrm('3h', 'edit', '{ id: r1, subject: Back, start: 5h, end: 6h }'),
    ], { act: '{ filters: [{ entity: appointment, within: 1d }], distinctDeletes: true }' });
    expect(end.items()).toMatchObject([{ itemId: 'crm-r1', subject: 'Back', startMs: 5 * 3_600_000 }]);
    expect(end.stats).toMatchObject({ createdInExchange: 1, keptAfterDroppingOut: 1, deletedInExchange: 0 });
  });

  it('a two-week window lets old appointments drop out as time passes; a physical delete in CRM always reaches Exchange', () => {
    const end = runAct([
      inCrm('10m', 'create', `{ id: old, entity: appointment, owner: ${PAUL}, start: 1h, end: 2h, attendees: [carol@fabrikam.example] }`),
      inCrm('10m', 'create', `{ id: gone, entity: appointment, owner: ${PAUL}, start: 20d, end: 20d1h }`),
      inCrm('1d', 'delete', '{ id: gone }'),
    ], { act: '{ filters: [{ entity: appointment, within: 14d }], distinctDeletes: false }', horizon: '15d' });
    expect(end.items()).toEqual([]);
    expect(end.stats).toMatchObject({ createdInExchange: 2, deletedInExchange: 2, cancellationsSent: 1 });
    expect(end.records.map((r) => r.id)).toEqual(['old']);
  });
});

describe('deletes in Exchange (S15)', () => {
  it('a task delete deletes the CRM task; past, completed and not-organised appointments and contacts stay in CRM', () => {
    const end = runAct([
      inOutlook('10m', 'create', '{ id: t1, entity: task, due: 1d, tracked: true }'),
      inOutlook('10m', 'create', '{ id: past, entity: appointment, start: 30m, end: 1h, tracked: true }'),
      inOutlook('10m', 'create', '{ id: theirs, entity: appointment, start: 5h, end: 6h, organizer: carol@fabrikam.example, tracked: true }'),
      inOutlook('10m', 'create', '{ id: future, entity: appointment, start: 5h, end: 6h, tracked: true }'),
      inOutlook('10m', 'create', '{ id: done, entity: appointment, start: 5h, end: 6h, tracked: true }'),
      inOutlook('10m', 'create', '{ id: carol, entity: contact, tracked: true }'),
      inCrm('1h', 'complete', '{ id: act-5 }'),
      ...['t1', 'past', 'theirs', 'future', 'done', 'carol'].map((id) => inOutlook('2h', 'delete', `{ id: ${id} }`)),
    ]);
    expect(end.records.map((r) => r.subject).sort()).toEqual(['carol', 'done', 'past', 'theirs']);
    expect(end.stats).toMatchObject({ createdInCrm: 6, deletedInCrm: 2, exchangeDeletesNotSynced: 4, createdInExchange: 0, deletedInExchange: 0 });
    // What the person deleted stays deleted in Outlook, also where the record stays in CRM.
    expect(end.items()).toEqual([]);
  });

  it('copies without a copyId get ids of their own', () => {
    const end = runAct([
      inOutlook('10m', 'create', '{ id: m1, entity: appointment, start: 3h, end: 4h }'),
      inOutlook('20m', 'copy', '{ id: m1 }'),
      inOutlook('30m', 'copy', '{ id: m1 }'),
    ]);
    expect(end.items().map((i) => i.itemId)).toEqual(['m1', 'm1-copy', 'm1-copy-2']);
  });

  it('copied items are ignored: a copy of a tracked appointment makes no second record', () => {
    const end = runAct([
      inOutlook('10m', 'create', '{ id: m1, entity: appointment, start: 3h, end: 4h, tracked: true }'),
      inOutlook('1h', 'copy', '{ id: m1, copyId: m1-copy }'),
      inOutlook('2h', 'edit', '{ id: m1-copy, subject: "Copy, edited" }'),
    ]);
    expect(end.records).toHaveLength(1);
    expect(end.items().find((i) => i.itemId === 'm1-copy')).toMatchObject({ crmId: 'act-1', copiedFrom: 'm1' });
    expect(end.stats.copiesIgnored.size).toBe(1);
  });
});

describe('scheduling conflicts (S15)', () => {
  it('stop the appointment\'s sync and raise an alert, until the person edits it again', () => {
    const end = runAct([
      inCrm('5m', 'create', `{ id: room-a, entity: appointment, owner: anna@contoso.example, start: 3h, end: 4h, resource: room-1 }`),
      inCrm('5m', 'create', `{ id: mine, entity: appointment, owner: ${PAUL}, start: 5h, end: 6h, resource: room-1 }`),
      inOutlook('1h', 'edit', '{ id: crm-mine, start: 3h30m, end: 4h30m }'),
      inCrm('2h', 'edit', '{ id: mine, subject: "Not pushed while stopped" }'),
      inOutlook('4h', 'edit', '{ id: crm-mine, start: 4h, end: 5h }'),
    ]);
    const mine = end.records.find((r) => r.id === 'mine');
    expect(end.stats.conflicts).toBe(1);
    expect(end.alerts.some((a) => a.level === 'mailbox' && a.text.includes('scheduling conflict'))).toBe(true);
    // The second edit no longer overlaps: it reaches CRM, and CRM's own edit then wins nothing back (it is older).
    expect(mine).toMatchObject({ startMs: 4 * 3_600_000, endMs: 5 * 3_600_000 });
    expect(end.items().find((i) => i.itemId === 'crm-mine')).toMatchObject({ startMs: 4 * 3_600_000 });
  });
});

describe('one organisation per mailbox (S13)', () => {
  it('ACT sync stops as soon as another organisation holds the mailbox, not only when the email cycle notices', () => {
    const end = runAct([
      '{ at: 1m, verb: otherOrgTestAndEnable, target: ex1, mailbox: paul@contoso.example, organisation: crm-test }',
      inCrm('5m', 'create', `{ id: r1, entity: task, owner: ${PAUL} }`),
      // Email cycles two hours apart: the email side would notice the OrgID late; ACT must not wait for it.
    ], { act: `{ users: [{ address: ${PAUL} }] }`, profile: ', incomingCycleGap: 2h', horizon: '1h' });
    expect(end.items()).toEqual([]);
    expect(end.stats.createdInExchange).toBe(0);
  });
});

describe('outages', () => {
  it('a dismounted database or a CRM outage delays ACT sync; nothing is created twice', () => {
    const end = runAct([
      '{ at: 5m, verb: dismount, target: ex1, database: db1 }',
      inOutlook('4m', 'create', '{ id: m1, entity: appointment, start: 3h, end: 4h, tracked: true }'),
      inCrm('6m', 'create', `{ id: r1, entity: task, owner: ${PAUL} }`),
      // Short enough that the incoming cycles' transient errors do not disable the mailbox (S4: 10 x 5 min).
      '{ at: 35m, verb: mount, target: ex1, database: db1 }',
      '{ at: 1h, verb: down, target: crm }',
      '{ at: 1h30m, verb: up, target: crm }',
    ]);
    expect(end.records).toHaveLength(2);
    expect(end.items()).toHaveLength(2);
    expect(end.items().every((i) => i.crmId !== null)).toBe(true);
  });
});

describe('in the run\'s outcome (S15)', () => {
  it('reports what ACT sync did, and judges expect.act like counts', () => {
    const text = crmScenarioText({
      users: USERS, sss: sss('{ filters: [{ entity: appointment, state: open }] }'),
      faults: `[${ON_SSS}, ${inCrm('10m', 'create', `{ id: r1, entity: appointment, owner: ${PAUL}, start: 3h, end: 4h, attendees: [carol@fabrikam.example] }`)}, ${inCrm('2h', 'cancel', '{ id: r1 }')}]`,
    });
    const run = (expectAct: string) => runScenario(parseScenarioText(`${text}expect: { act: ${expectAct} }\n`, 'act.yaml'));
    const met = run('{ cancellationsSent: 1, conflicts: 0 }');
    expect(met.act).toMatchObject({ createdInExchange: 1, deletedInExchange: 1, cancellationsSent: 1, copiesIgnored: 0 });
    expect(met).toMatchObject({ verdict: 'pass', expectations: [{ name: 'act.cancellationsSent', verdict: 'pass' }, { name: 'act.conflicts', verdict: 'pass' }] });
    expect(run('{ cancellationsSent: 0 }')).toMatchObject({ verdict: 'fail', expectations: [{ name: 'act.cancellationsSent', verdict: 'fail', actual: 1 }] });
  });
});

describe('scenario input (S15)', () => {
  it('refuses operations that cannot be carried out, naming the field', () => {
    const text = (faults: string) => `kind: scenario
name: bad-act
seed: 1
start: 2026-01-05T08:00:00Z
horizon: 1h
exchange:
  acceptedDomains: [contoso.example]
  servers: [{ name: ex1, site: hq }]
  databases: [{ name: db1, server: ex1 }]
  mailboxes: [{ address: paul@contoso.example, database: db1 }]
crm:
  users: [{ address: paul@contoso.example }]
faults: ${faults}
`;
    expect(inputProblems(text(`[${inOutlook('1m', 'create', '{ id: x }', 'nobody@contoso.example')}]`))).toEqual([
      "faults[0].mailbox: 'exchangeItem' needs a mailbox of the Exchange organisation",
      "faults[0].item.entity: a new item or record needs an entity: appointment, contact or task",
    ]);
    expect(inputProblems(text(`[${inCrm('1m', 'complete', '{ id: x }').replace('target: crm', 'target: ex1')}, ${inCrm('1m', 'create', '{ id: y, entity: task }')}, ${inCrm('1m', 'copy', '{ id: z }')}]`))).toEqual([
      "faults[0].target: 'crmRecord' acts on a CRM organisation (crm)",
      "faults[1].item.owner: a new record needs an owner: a user of 'crm'",
      "faults[2].action: 'crmRecord' needs an action: create, edit, complete, cancel, delete",
    ]);
    expect(inputProblems(text(`[${inCrm('1m', 'create', '{ id: x, entity: appointment, owner: paul@contoso.example, start: 2h, end: 1h }')}]`)))
      .toEqual(['faults[0].item.end: an appointment cannot end before it starts']);
    expect(inputProblems(text(`[${inCrm('1m', 'create', '{ id: x, entity: task, owner: paul@contoso.example }')}, ${inCrm('2m', 'create', '{ id: x, entity: task, owner: paul@contoso.example }')}]`)))
      .toEqual(["faults[1].item: faults[0] already creates 'x' there"]);
    expect(inputProblems(text('[{ at: 1m, verb: otherOrgTestAndEnable, target: ex1, mailbox: nobody@contoso.example }]'))).toEqual([
      'faults[0]: no Exchange mailbox nobody@contoso.example',
      "faults[0]: 'otherOrgTestAndEnable' needs the organisation that takes the mailbox",
    ]);
    expect(inputProblems(`${text('[]')}expect: { act: { conflicts: 0 } }\n`)).toEqual(['expect.act: expects appointment, contact and task counts, but `sss.act` does not synchronize them']);
  });
});
