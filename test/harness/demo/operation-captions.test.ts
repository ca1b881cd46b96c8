// Operation captions told for the lane they happen in: a 401 is permanent (S4); a Test & Enable says what it covers,
// whom it enabled and who failed and why (S3); switching to sync stops a router only where there is one (R14); CRM
// going down stops sync, which runs inside it, while the router retries (R8, S5).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemo } from '../../../harness/demo/build-demo.js';
import type { DemoOperation } from '../../../harness/demo/demo-data.js';
import { loadLesson } from '../../../harness/demo/lane-variants.js';
import { repoRoot } from '../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mailflow-op-captions-'));
const lessonText = (name: string): string => readFileSync(join(repoRoot, 'scenarios', name), 'utf8');

/** A copy of a shipped lesson with `edit` applied to its text, loaded and run. */
async function demoOf(name: string, edit: (text: string) => string) {
  const text = lessonText(name);
  const edited = edit(text);
  expect(edited).not.toBe(text);
  const file = join(dir, `${name.replace('.yaml', '')}-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, edited);
  return buildDemo(await loadLesson(file)).data;
}

/**
 * Lesson 4 with Omar's mailbox refused to sync's service account (his Test & Enable at 11:00 fails, 401), access
 * given back at 11:30 and a Test & Enable of the disabled mailboxes only.
 */
const failingOmar = (text: string): string => text.replace('        forwardRules: remove-per-batch\n', [
  '        forwardRules: remove-per-batch',
  '        failing: [omar@contoso.example]',
  '    faults:',
  '      - { at: 3h30m, verb: grantMailboxAccess, target: sss, mailbox: omar@contoso.example }',
  '      - { at: 3h30m, verb: testAndEnable, target: sss, onlyDisabled: true }',
  '',
].join('\n'));

const ofVerb = (operations: readonly DemoOperation[], verb: string): DemoOperation[] => operations.filter((o) => o.verb === verb);

describe('captions of server-side sync operations', () => {
  it('say a denied mailbox (401) is disabled at once, without retries (S4)', async () => {
    const data = await demoOf('lesson-4-cutover.yaml', failingOmar);
    const [deny] = ofVerb(data.operations, 'denyMailboxAccess');
    expect(deny?.caption).toMatch(/omar@contoso\.example \(401 Unauthorized\): a permanent error/);
    expect(deny?.caption).toMatch(/at once/);
    expect(deny?.caption).not.toMatch(/transient|retried/);
    expect(deny?.rules).toEqual(['S4']);
  });

  it('say which mailboxes of a batch are enabled and which fail and why, and whom an onlyDisabled retest covers', async () => {
    const data = await demoOf('lesson-4-cutover.yaml', failingOmar);
    const tests = ofVerb(data.operations, 'testAndEnable');
    const batch = tests.find((o) => o.atMs === 3 * 3_600_000);
    expect(batch?.caption).toMatch(/^Test & Enable runs on anna@contoso\.example, ines@contoso\.example and omar@contoso\.example: /);
    expect(batch?.caption).toMatch(/anna@contoso\.example and ines@contoso\.example are enabled/);
    expect(batch?.caption).toMatch(/omar@contoso\.example fails \(401 Unauthorized: no access to the mailbox\) and stays disabled/);
    expect(batch?.caption).not.toMatch(/each is enabled|they start to sync/);
    expect(batch?.rules).toEqual(['S3', 'S2a', 'S4']);
    // The first batch met no failure: every mailbox of it is enabled, and reads back to Process Email From.
    expect(tests[0]?.caption).toMatch(/: each is enabled and each watermark reset: sync reads each root Inbox again from Process Email From\.$/);
    const retest = tests.find((o) => o.atMs === 3.5 * 3_600_000);
    expect(retest?.caption).toBe('Test & Enable runs again on the mailboxes sync has disabled, omar@contoso.example: it is enabled and its watermark reset: sync reads its root Inbox again from Process Email From.');
    expect(retest?.caption).not.toMatch(/every mailbox/);
  });

  it('say an onlyDisabled retest finds nothing to test when no mailbox is disabled', async () => {
    const data = await demoOf('lesson-4-cutover.yaml', (text) => text.replace('        forwardRules: remove-per-batch\n',
      '        forwardRules: remove-per-batch\n    faults:\n      - { at: 3h30m, verb: testAndEnable, target: sss, onlyDisabled: true }\n'));
    const retest = ofVerb(data.operations, 'testAndEnable').find((o) => o.atMs === 3.5 * 3_600_000);
    expect(retest?.caption).toBe('Test & Enable runs again on the mailboxes sync has disabled: none is disabled, so nothing is tested.');
  });

  it('give each of two Test & Enables within a minute its own results (lesson 2: one in the outage, one just after)', async () => {
    const data = await demoOf('lesson-2-exchange-outage.yaml', (text) => text.replace(
      '      - { at: 3h, verb: testAndEnable, target: sss }',
      '      - { at: 2h29m30s, verb: testAndEnable, target: sss }\n      - { at: 2h30m10s, verb: testAndEnable, target: sss }',
    ));
    const [during, after] = ofVerb(data.operations, 'testAndEnable');
    // The first meets the outage: its mailboxes fail; the ones the second enables are not its.
    // The first meets the outage: its mailboxes fail (it cannot name others, so it does not claim any); it does not
    // take the enablings of the second, 40 s later, which enables them all.
    expect(during?.caption).toMatch(/paul@contoso\.example fails \(ex1 unavailable\)/);
    expect(during?.caption).toMatch(/: any others are enabled/);
    expect(after?.caption).toMatch(/: each is enabled/);
    expect(after?.caption).not.toMatch(/fails/);
  });

  it('say a Test & Enable without Process Email From reads back to when each mailbox was first enabled (lesson 2)', async () => {
    const { data } = buildDemo(await loadLesson(join(repoRoot, 'scenarios/lesson-2-exchange-outage.yaml')));
    const [test] = ofVerb(data.operations, 'testAndEnable');
    expect(test?.lane).toBe('sss');
    expect(test?.caption).toBe('Test & Enable runs on every mailbox: each is enabled and each watermark reset: sync reads each root Inbox again from when it was first enabled (no Process Email From is set).');
  });
});

describe('captions of operations told for their lane', () => {
  it('switch to server-side sync: no router to stop in a lane without one (lessons 1-3), the router stops in a cutover (lesson 4)', async () => {
    for (const lesson of ['lesson-1-forward-mailbox.yaml', 'lesson-2-exchange-outage.yaml', 'lesson-3-sync-cycle-and-watermark.yaml']) {
      const { data } = buildDemo(await loadLesson(join(repoRoot, 'scenarios', lesson)));
      const [switched] = ofVerb(data.operations, 'switchToServerSideSync');
      expect(switched?.lane, lesson).toBe('sss');
      expect(switched?.caption, lesson).not.toMatch(/router stops/);
      expect(switched?.caption, lesson).toMatch(/no E-mail Router is involved in this lane/);
      expect(switched?.rules, lesson).toEqual(['R14']);
    }
    const { data } = buildDemo(await loadLesson(join(repoRoot, 'scenarios/lesson-4-cutover.yaml')));
    expect(ofVerb(data.operations, 'switchToServerSideSync')[0]?.caption).toMatch(/the router stops processing for this organisation/);
  });

  it('CRM down: sync stops with it (it runs inside CRM, S5); the router retries at its next cycles (R8)', async () => {
    // Shared by both lanes: one caption for both, saying what each lane's reader does.
    const shared = await demoOf('lesson-1-forward-mailbox.yaml', (text) => text.replace('expect:\n  counts: { lost: 0, untracked: 0,',
      'faults:\n  - { at: 30m, verb: down, target: crm }\n  - { at: 40m, verb: up, target: crm }\nexpect:\n  counts: { lost: 0, untracked: 0,'));
    const [down] = ofVerb(shared.operations, 'down');
    expect(down?.lane).toBe('both');
    expect(down?.caption).toMatch(/the router cannot reach its web service and tries again at its next cycles/);
    expect(down?.caption).toMatch(/server-side sync runs inside CRM and stops with it/);
    expect(down?.rules).toEqual(['R8', 'S5']);
    // In the sync lane alone: nothing about trying again later, and not S4's retries.
    const sync = await demoOf('lesson-1-forward-mailbox.yaml', (text) => text.replace('      - { at: 0s, verb: switchToServerSideSync, target: crm }\n',
      '      - { at: 0s, verb: switchToServerSideSync, target: crm }\n      - { at: 30m, verb: down, target: crm }\n      - { at: 40m, verb: up, target: crm }\n'));
    const [syncDown] = ofVerb(sync.operations, 'down');
    const [syncUp] = ofVerb(sync.operations, 'up');
    expect(syncDown?.lane).toBe('sss');
    expect(syncDown?.caption).toBe('CRM (crm) is down: server-side sync runs inside CRM and stops with it: no cycle runs. The mail waits in the mailboxes.');
    expect(syncDown?.caption).not.toMatch(/tries again|router/);
    expect(syncDown?.rules).toEqual(['S5']);
    expect(syncUp?.caption).toMatch(/watermark/);
    expect(syncUp?.rules).toEqual(['S5', 'S6']);
  });
});
