// The mailboxes server-side sync had disabled at the end of a run (S3, S4), as the summary and --json name them, and
// Test & Enable of only those (`onlyDisabled`): after an outage during a cutover, the disabled mailboxes are the cause
// of most untracked mail, and retesting all of them would enable the later batches early too.
import { describe, expect, it } from 'vitest';
import { runCrm, type CrmScenarioParts } from '../../helpers/crm-scenario.js';
import { groupDisabledMailboxes } from '../../../harness/run/disabled-mailboxes.js';
import { formatDisabledMailboxes, formatReenabledMailboxes } from '../../../harness/cli/disabled-summary.js';
import { formatSummary } from '../../../harness/cli/print-summary.js';
import { toRunJson } from '../../../harness/cli/run-json.js';
import { toJunitXml } from '../../../harness/cli/junit-xml.js';
import type { DisabledMailbox } from '../../../fakes/sss/sss-world.js';

const PAUL = 'paul@contoso.example';
const ANNA = 'anna@contoso.example';
const USERS = `
    - { address: ${PAUL}, incoming: email-router, outgoing: email-router, filter: all }
    - { address: ${ANNA}, incoming: email-router, outgoing: email-router, filter: all }`;
/** On sync from the start with Paul enabled, Anna not yet (a later batch); Carol writes to each at 2h. */
const run = (faults: string, parts: Partial<CrmScenarioParts> = {}) => runCrm({
  users: USERS, horizon: '4h',
  sss: `\n  profiles: [{ name: exchange, server: ex1 }]\n  enabled: [${PAUL}]\n`,
  traffic: `{ messages: [{ at: 2h, from: carol@fabrikam.example, to: [${PAUL}], subject: "Hello" }, { at: 2h, from: carol@fabrikam.example, to: [${ANNA}], subject: "Hi" }] }`,
  faults: `[{ at: 0s, verb: switchToServerSideSync, target: crm }, ${faults}]`,
  ...parts,
});
/** Paul's access is taken at 10m (401: disabled at his next cycle, S4) and given back at 1h. */
const DENIED = `{ at: 10m, verb: denyMailboxAccess, target: sss, mailbox: ${PAUL} }, { at: 1h, verb: grantMailboxAccess, target: sss, mailbox: ${PAUL} }`;

describe('disabled mailboxes at the end of a run (S3, S4)', () => {
  it('are named with what disabled them, why and when, and the summary says what to do', () => {
    const outcome = run(DENIED);
    expect(outcome.disabledMailboxes).toEqual([{ address: PAUL, by: 'errors', why: '401 Unauthorized: no access to the mailbox', atMs: expect.any(Number) }]);
    const atMs = outcome.disabledMailboxes?.[0]?.atMs ?? 0;
    expect(atMs).toBeGreaterThanOrEqual(10 * 60_000);
    expect(atMs).toBeLessThan(20 * 60_000);
    expect(outcome.counts.untrackedByReason).toEqual({ 'mailbox-disabled': 1, 'never-polled': 1 });
    const json = toRunJson(outcome, 'f.yaml', 1);
    expect(json.disabledMailboxes).toEqual([{ by: 'errors', why: '401 Unauthorized: no access to the mailbox', mailboxes: 1, firstAtMs: atMs, lastAtMs: atMs, sample: [PAUL] }]);
    const lines = formatDisabledMailboxes(json);
    expect(lines[0]).toBe('  server-side sync had 1 mailbox disabled at the end (S3, S4); mail untracked as mailbox-disabled: 1:');
    expect(lines[1]).toMatch(/^ {4}1 after errors: 401 Unauthorized: no access to the mailbox, at \d+m[\d ms]* \(paul@contoso\.example\)$/);
    expect(lines[2]).toBe('    once the cause is over (for a 401, access granted again: grantMailboxAccess), test and enable them again: a testAndEnable with onlyDisabled: true (docs/sss.md)');
    // CI pages show them in no-untracked-mail's failure, which no offender's path would explain.
    const xml = toJunitXml(json);
    const failure = /<testcase name="no-untracked-mail"[^>]*>\s*<failure[^>]*>([^<]*)<\/failure>/.exec(xml)?.[1] ?? '';
    expect(failure).toContain('server-side sync had 1 mailbox disabled at the end (S3, S4)');
    expect(failure).toContain('1 after errors: 401 Unauthorized: no access to the mailbox');
  });

  it('are none once tested again, and a scenario without server-side sync has no list at all', () => {
    const retested = run(`${DENIED}, { at: 1h1m, verb: testAndEnable, target: sss, mailbox: ${PAUL} }`);
    expect(retested.disabledMailboxes).toEqual([]);
    expect(formatDisabledMailboxes(toRunJson(retested, 'f.yaml', 1))).toEqual([]);
    expect(runCrm({ users: `
    - { address: ${PAUL}, incoming: outlook, outgoing: outlook }` }).disabledMailboxes).toBeNull();
    // A mailbox another organisation holds (S13) is disabled, but its mail says other-organisation: no claim of none.
    const held = formatDisabledMailboxes({ disabledMailboxes: [{ by: 'errors', why: "the mailbox synchronizes with organisation 'other' (S13)", mailboxes: 1, firstAtMs: 0, lastAtMs: 0, sample: [PAUL] }], counts: { untrackedByReason: { 'other-organisation': 27 } } });
    expect(held[0]).toBe('  server-side sync had 1 mailbox disabled at the end (S3, S4):');
    // No 401 among them: no word of granting access.
    expect(held[2]).toBe('    once the cause is over, test and enable them again: a testAndEnable with onlyDisabled: true (docs/sss.md)');
  });

  it('once tested again, are said as disabled for a while: when, until when, the longest; twice for one cause counts once', () => {
    // Paul's access taken at 10m, given back at 1h, retested at 1h1m; taken again at 2h30m, retested at 3h (still
    // denied: the retest fails and he stays disabled); granted at 3h10m and retested at 3h20m.
    const retested = run(`${DENIED}, { at: 1h1m, verb: testAndEnable, target: sss, mailbox: ${PAUL} },
      { at: 2h30m, verb: denyMailboxAccess, target: sss, mailbox: ${PAUL} }, { at: 3h, verb: testAndEnable, target: sss, mailbox: ${PAUL} },
      { at: 3h10m, verb: grantMailboxAccess, target: sss, mailbox: ${PAUL} }, { at: 3h20m, verb: testAndEnable, target: sss, mailbox: ${PAUL} }`);
    expect(retested.disabledMailboxes).toEqual([]);
    const spells = retested.reenabledMailboxes ?? [];
    expect(spells.map((s) => [s.address, s.by, s.why, s.enabledAgainAtMs])).toEqual([
      [PAUL, 'errors', '401 Unauthorized: no access to the mailbox', 61 * 60_000],
      // The failed retest at 3h kept when and by what he was disabled (after errors), and the cause.
      [PAUL, 'errors', '401 Unauthorized: no access to the mailbox', 200 * 60_000],
    ]);
    expect(spells[0]?.atMs).toBeGreaterThanOrEqual(10 * 60_000);
    expect(spells[1]?.atMs).toBeGreaterThanOrEqual(150 * 60_000);
    expect(spells[1]?.atMs).toBeLessThan(180 * 60_000);
    const json = toRunJson(retested, 'f.yaml', 1);
    const longestMs = Math.max(...spells.map((s) => s.enabledAgainAtMs - s.atMs));
    expect(json.reenabledMailboxes).toEqual([{
      by: 'errors', why: '401 Unauthorized: no access to the mailbox', mailboxes: 1, firstAtMs: spells[0]?.atMs, lastAtMs: spells[1]?.atMs,
      sample: [PAUL], enabledAgainFirstAtMs: 61 * 60_000, enabledAgainLastAtMs: 200 * 60_000, longestMs,
    }]);
    const lines = formatReenabledMailboxes(json);
    expect(lines[0]).toBe('  server-side sync had 1 mailbox disabled for a while, until a later Test & Enable enabled it (S3, S4); sync read none of its mail meanwhile:');
    expect(lines[1]).toMatch(/^ {4}1 after errors: 401 Unauthorized: no access to the mailbox, disabled \d+m[\d ms]* to 2h \d+m[\d ms]*, enabled 1h 1m to 3h 20m, the longest for [\dhms ]+ \(paul@contoso\.example\)$/);
    expect(formatSummary(json)).toContain(lines[1]);
    // Disabled for two causes: each its group, and no total that would count Paul twice.
    const twice = run(`${DENIED}, { at: 1h1m, verb: testAndEnable, target: sss, mailbox: ${PAUL} },
      { at: 1h30m, verb: down, target: ex1 }, { at: 3h, verb: up, target: ex1 }, { at: 3h10m, verb: testAndEnable, target: sss, mailbox: ${PAUL} }`, { horizon: '5h' });
    const twiceJson = toRunJson(twice, 'f.yaml', 1);
    expect(twiceJson.reenabledMailboxes?.map((g) => [g.by, g.mailboxes, g.sample])).toEqual([['errors', 1, [PAUL]], ['errors', 1, [PAUL]]]);
    expect(formatReenabledMailboxes(twiceJson)[0]).toBe('  server-side sync had mailboxes disabled for a while, for 2 causes, until a later Test & Enable enabled them (S3, S4); sync read none of their mail meanwhile:');
    // Never disabled, or disabled to the end only: no such lines.
    expect(formatReenabledMailboxes(toRunJson(run(''), 'f.yaml', 1))).toEqual([]);
    expect(run(DENIED).reenabledMailboxes).toEqual([]);
  });

  it('are said of a mailbox whose first Test & Enable failed and a later one passed, as enabled, not "again"', () => {
    // Anna is not enabled at the start; her first test meets a 401, the next one (access granted) passes: her mail
    // waited from the failed test to the one that passed.
    const first = run(`{ at: 20m, verb: denyMailboxAccess, target: sss, mailbox: ${ANNA} }, { at: 30m, verb: testAndEnable, target: sss, mailbox: ${ANNA} },
      { at: 1h, verb: grantMailboxAccess, target: sss, mailbox: ${ANNA} }, { at: 1h1m, verb: testAndEnable, target: sss, mailbox: ${ANNA} }`);
    expect(first.disabledMailboxes).toEqual([]);
    expect(first.reenabledMailboxes?.map((r) => [r.address, r.by, r.atMs, r.enabledAgainAtMs])).toEqual([[ANNA, 'test-and-enable', 30 * 60_000, 61 * 60_000]]);
    const lines = formatReenabledMailboxes(toRunJson(first, 'f.yaml', 1));
    expect(lines[1]).toMatch(/^ {4}1 at Test & Enable: 401 Unauthorized: no access to the mailbox, disabled at 30m, enabled at 1h 1m, the longest for 31m \(anna@contoso\.example\)$/);
    expect(lines.join('\n')).not.toMatch(/again/);
  });

  it('onlyDisabled retests the disabled mailboxes and leaves the ones never tested (a later batch) alone', () => {
    const only = run(`${DENIED}, { at: 1h1m, verb: testAndEnable, target: sss, onlyDisabled: true }`);
    expect(only.disabledMailboxes).toEqual([]);
    // Paul's copy is tracked; Anna, never enabled, is still not polled.
    expect(only.counts.untrackedByReason).toEqual({ 'never-polled': 1 });
    const all = run(`${DENIED}, { at: 1h1m, verb: testAndEnable, target: sss }`);
    expect(all.counts.untracked).toBe(0);
  });
});

describe('why a read failed (S4)', () => {
  it('names the profile\'s server only when it did not answer; a mailbox it could not reach is said as that', () => {
    const why = (faults: string) => run(faults).disabledMailboxes?.find((m) => m.address === PAUL)?.why;
    // The database holding the mailbox is dismounted: ex1 answers, the mailbox is unavailable.
    expect(why('{ at: 10m, verb: dismount, target: ex1, database: db1 }, { at: 3h, verb: mount, target: ex1, database: db1 }'))
      .toBe('mailbox unavailable, read through ex1');
    // ex1 itself is down.
    expect(why('{ at: 10m, verb: down, target: ex1 }, { at: 3h, verb: up, target: ex1 }')).toBe('ex1 unavailable');
  });
});

describe('mail of a mailbox disabled later (S4) against mail that left the root Inbox first (S6)', () => {
  const sss = (enabled: string, profile = '') => `\n  profiles: [{ name: exchange, server: ex1${profile} }]\n  enabled: ${enabled}\n`;
  const toPaul = (at: string, subject: string) => `{ at: ${at}, from: carol@fabrikam.example, to: [${PAUL}], subject: "${subject}" }`;
  const on = (...faults: string[]) => `[{ at: 0s, verb: switchToServerSideSync, target: crm }${faults.map((f) => `, ${f}`).join('')}]`;

  it('a retest that fails again keeps when the mailbox was first disabled: mail filed meanwhile is still the disabling\'s', () => {
    const parts = (retest: boolean) => ({
      users: USERS, horizon: '4h', sss: sss(`[${PAUL}]`), people: '{ file: { probability: 1, meanDelay: 10m } }',
      traffic: `{ messages: [${Array.from({ length: 6 }, (_, i) => toPaul(`${20 + i}m`, `m${i}`)).join(', ')}] }`,
      faults: on(`{ at: 5m, verb: denyMailboxAccess, target: sss, mailbox: ${PAUL} }`, ...(retest ? ['{ at: 3h, verb: testAndEnable, target: sss, onlyDisabled: true }'] : [])),
    });
    const once = runCrm(parts(false));
    const retested = runCrm(parts(true));
    expect(once.counts.untrackedByReason).toEqual({ 'mailbox-disabled': 6 });
    expect(retested.counts.untrackedByReason).toEqual({ 'mailbox-disabled': 6 });
    expect(retested.disabledMailboxes).toEqual(once.disabledMailboxes);
    expect(retested.disabledMailboxes?.[0]).toMatchObject({ by: 'errors', atMs: expect.any(Number) });
    expect(retested.disabledMailboxes?.[0]?.atMs).toBeLessThan(10 * 60_000);
  });

  it('mail a move rule put in a folder while the mailbox was enabled is S6\'s, as if the mailbox had stayed enabled', () => {
    const parts = (deny: boolean) => ({
      users: USERS, horizon: '4h', sss: sss(`[${PAUL}]`),
      rules: `[{ action: move, folder: Customers, from: "@fabrikam.example", users: [${PAUL}] }]`,
      traffic: `{ messages: [${toPaul('30m', 'filed by rule')}] }`,
      faults: on(...(deny ? [`{ at: 1h, verb: denyMailboxAccess, target: sss, mailbox: ${PAUL} }`] : [])),
    });
    expect(runCrm(parts(false)).counts.untrackedByReason).toEqual({ 'not-in-root-inbox': 1 });
    expect(runCrm(parts(true)).counts.untrackedByReason).toEqual({ 'not-in-root-inbox': 1 });
  });

  it('mail a rule puts in a folder on arrival is S6\'s even when the mailbox was disabled before it came (no retest reads it)', () => {
    for (const folder of ['Customers', '"Inbox (old)"']) {
      const parts = {
        users: USERS, horizon: '4h', sss: sss(`[${PAUL}]`),
        rules: `[{ action: move, folder: ${folder}, from: "@fabrikam.example", users: [${PAUL}] }]`,
        traffic: `{ messages: [${toPaul('30m', 'filed by rule')}] }`,
        faults: on(`{ at: 5m, verb: denyMailboxAccess, target: sss, mailbox: ${PAUL} }`),
      };
      const outcome = runCrm(parts);
      expect(outcome.disabledMailboxes).toHaveLength(1);
      expect(outcome.counts.untrackedByReason, folder).toEqual({ 'not-in-root-inbox': 1 });
    }
  });

  it('a retest that fails for another cause says the latest cause and what gave it, and keeps when the mailbox was first disabled', () => {
    // Disabled by the dismounted database (S4's retries run out), then access is denied too: the 3h retest fails with
    // a 401, which is what must be over before the next one. The 401 is the retest's (S3), so the group says "at Test
    // & Enable", not "after errors: 401" (a retest meeting the reason already given keeps "after errors": above).
    const outcome = runCrm({
      users: USERS, horizon: '4h', sss: sss(`[${PAUL}]`),
      faults: on(
        '{ at: 10m, verb: dismount, target: ex1, database: db1 }', '{ at: 2h, verb: mount, target: ex1, database: db1 }',
        `{ at: 2h, verb: denyMailboxAccess, target: sss, mailbox: ${PAUL} }`, '{ at: 3h, verb: testAndEnable, target: sss, onlyDisabled: true }',
      ),
    });
    const paul = outcome.disabledMailboxes?.find((m) => m.address === PAUL);
    expect(paul).toMatchObject({ by: 'test-and-enable', why: '401 Unauthorized: no access to the mailbox' });
    expect(paul?.atMs).toBeLessThan(2 * 3_600_000);
    expect(formatDisabledMailboxes(toRunJson(outcome, 'f.yaml', 1))[1]).toMatch(/^ {4}1 at Test & Enable: 401 Unauthorized: no access to the mailbox, /);
  });

  it('mail filed before the mailbox was first tested and enabled is S6\'s too', () => {
    const parts = (deny: boolean) => ({
      users: USERS, horizon: '4h', sss: sss('[]', ', processEmailFrom: -1d'), people: '{ file: { probability: 1, meanDelay: 1m } }',
      traffic: `{ messages: [${toPaul('20m', 'early')}] }`,
      faults: on(`{ at: 1h, verb: testAndEnable, target: sss, mailbox: ${PAUL} }`, ...(deny ? [`{ at: 2h, verb: denyMailboxAccess, target: sss, mailbox: ${PAUL} }`] : [])),
    });
    expect(runCrm(parts(false)).counts.untrackedByReason).toEqual({ 'not-in-root-inbox': 1 });
    expect(runCrm(parts(true)).counts.untrackedByReason).toEqual({ 'not-in-root-inbox': 1 });
  });
});

describe('groupDisabledMailboxes', () => {
  const mailbox = (address: string, atMs: number, why = 'ex1 unavailable', by: DisabledMailbox['by'] = 'errors'): DisabledMailbox => ({ address, by, why, atMs });

  it('groups by what disabled them and why, the biggest group first, with the span and the first three addresses', () => {
    const groups = groupDisabledMailboxes([
      mailbox('a@x', 10, '401 Unauthorized', 'errors'), mailbox('b@x', 20), mailbox('c@x', 20), mailbox('d@x', 30),
      mailbox('e@x', 40), mailbox('f@x', 50, 'ex1 unavailable', 'test-and-enable'),
    ]);
    expect(groups).toEqual([
      { by: 'errors', why: 'ex1 unavailable', mailboxes: 4, firstAtMs: 20, lastAtMs: 40, sample: ['b@x', 'c@x', 'd@x'] },
      { by: 'errors', why: '401 Unauthorized', mailboxes: 1, firstAtMs: 10, lastAtMs: 10, sample: ['a@x'] },
      { by: 'test-and-enable', why: 'ex1 unavailable', mailboxes: 1, firstAtMs: 50, lastAtMs: 50, sample: ['f@x'] },
    ]);
    expect(formatDisabledMailboxes({ disabledMailboxes: groups, counts: { untrackedByReason: {} } as never })[1])
      .toBe('    4 after errors: ex1 unavailable, 20ms to 40ms (b@x, c@x, d@x, ...)');
  });

  it('copes with a group of 200,000 mailboxes (no spread into Math.min)', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => mailbox(`u${i}@x`, i));
    expect(groupDisabledMailboxes(many)[0]).toMatchObject({ mailboxes: 200_000, firstAtMs: 0, lastAtMs: 199_999 });
  });
});
