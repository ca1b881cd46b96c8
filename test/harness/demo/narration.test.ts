// The terminal story: beats in time order with the lesson's captions and operations, a retrying sender told once,
// and an ending whose counters are the lanes' counters.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemo } from '../../../harness/demo/build-demo.js';
import type { DemoData } from '../../../harness/demo/demo-data.js';
import { loadLesson } from '../../../harness/demo/lane-variants.js';
import { clockOf, narrationBeats, narrationEnding, narrationMove } from '../../../harness/demo/narration.js';
import { repoRoot } from '../../helpers/cli.js';

const TAG = { router: 'router', sss: 'sync' } as const;

/**
 * Each lane's messages that no reader took because they left the root Inbox (S6): the story must have said how they
 * left it (a person filing it, a move rule or Junk on delivery) before it says they were never tracked.
 */
function expectFilingsTold(data: DemoData): number {
  const lines = narrationBeats(data).flatMap((b) => b.lines);
  let checked = 0;
  for (const lane of data.lanes) {
    for (const message of lane.messages.filter((m) => m.fate === 'untracked (not-in-root-inbox)')) {
      const own = lines.filter((l) => (l.startsWith(TAG[lane.id]) || l.startsWith('both')) && l.includes(`[${message.name ?? ''}] ${message.label}: `));
      const never = own.findIndex((l) => l.includes('Never tracked'));
      const filed = own.findIndex((l) => / files it into |Junk folder/.test(l));
      expect(filed, `${lane.id} ${message.messageId}: ${own.join('\n')}`).toBeGreaterThanOrEqual(0);
      expect(filed, `${lane.id} ${message.messageId}`).toBeLessThan(never);
      checked++;
    }
  }
  return checked;
}

describe('narration', () => {
  it('tells lesson 2 in time order, each sender\'s retries once, captions and operations included', async () => {
    const { data } = buildDemo(await loadLesson(join(repoRoot, 'scenarios/lesson-2-exchange-outage.yaml')));
    const beats = narrationBeats(data);
    const times = beats.map((b) => b.atMs);
    expect(times).toEqual([...new Set(times)].sort((a, b) => a - b));
    // One beat per second the header shows: no two beats under one clock reading.
    const clocks = beats.map((b) => clockOf(data, b.atMs));
    expect(new Set(clocks).size).toBe(clocks.length);
    const lines = beats.flatMap((b) => b.lines);
    for (const caption of data.captions) expect(lines.some((l) => l.includes(caption.text))).toBe(true);
    expect(lines.some((l) => l.includes('ex1 goes down'))).toBe(true);
    // A retry both lanes see alike (the outage is shared) is told once, for both: it counts for each lane.
    const retries = lines.filter((l) => l.includes('cannot hand it over')).map((l) => (l.startsWith('both') ? 2 : 1)).reduce((a, b) => a + b, 0);
    const retrying = data.lanes.flatMap((lane) => lane.messages.filter((m) => m.steps.some((s) => s.mark === 'retry')));
    expect(retries).toBe(retrying.length);
    expect(retrying.length).toBeGreaterThan(0);
  });

  it('tells a filing only where it leaves the message untracked: not the router lane\'s forwarded mail (lesson 1)', async () => {
    const { data } = buildDemo(await loadLesson(join(repoRoot, 'scenarios/lesson-1-forward-mailbox.yaml')));
    const lines = narrationBeats(data).flatMap((b) => b.lines);
    const filings = (tag: string) => lines.filter((l) => (l.startsWith(tag) || l.startsWith('both')) && l.includes(' files it into '));
    for (const lane of data.lanes) {
      const missed = lane.messages.filter((m) => m.fate === 'untracked (not-in-root-inbox)' && m.steps.some((s) => s.step === 'moved')).length;
      const filed = lane.messages.filter((m) => m.steps.some((s) => s.step === 'moved')).length;
      expect(filed, lane.id).toBeGreaterThan(missed);
      expect(filings(lane.id === 'router' ? 'router' : 'sync').length, lane.id).toBe(missed);
    }
  });

  it('says what a lane did not meet when it fails (another seed than the lesson\'s)', async () => {
    const { data } = buildDemo(await loadLesson(join(repoRoot, 'scenarios/lesson-1-forward-mailbox.yaml')), { seed: 8 });
    const failing = data.lanes.filter((lane) => lane.run.verdict !== 'pass');
    expect(failing.length).toBeGreaterThan(0);
    const ending = narrationEnding(data);
    for (const lane of failing) {
      expect(lane.run.unmet.length).toBeGreaterThan(0);
      for (const why of lane.run.unmet) expect(ending).toContain(`${lane.id === 'router' ? 'router' : 'sync  '}   not met: ${why}`);
    }
    expect(ending.join('\n')).toMatch(/not met: untracked\.not-in-root-inbox >= 1 \(actual 0\)/);
  });

  it('ends with each lane\'s counters', async () => {
    const { data } = buildDemo(await loadLesson(join(repoRoot, 'scenarios/lesson-1-forward-mailbox.yaml')));
    const ending = narrationEnding(data);
    expect(ending).toHaveLength(2);
    expect(ending[1]).toContain(`untracked ${data.lanes[1].counters.untracked}`);
    expect(clockOf(data, 90 * 60_000)).toBe('09:30:00');
    expect(clockOf({ start: data.start, endMs: 3 * 86_400_000 }, 0)).toBe('2026-03-02 08:00:00');
  });

  it('tells how each message that was never tracked left the root Inbox, Junk and move rules on delivery too (lesson 3)', async () => {
    const { data } = buildDemo(await loadLesson(join(repoRoot, 'scenarios/lesson-3-sync-cycle-and-watermark.yaml')));
    // Junk: in both lanes (carol-13 with this seed), each lane's reader named.
    const junk = narrationBeats(data).flatMap((b) => b.lines).filter((l) => l.includes('Junk folder'));
    expect(junk.some((l) => l.startsWith('router') && l.includes('the router reads only the Inbox') && !l.includes('sync'))).toBe(true);
    expect(junk.some((l) => l.startsWith('sync') && l.includes('sync reads only the root Inbox'))).toBe(true);
    expect(expectFilingsTold(data)).toBeGreaterThan(10);
  });

  it('tells a move rule filing mail on delivery in the lane that never tracks it', async () => {
    // Lesson 1 where Paul's own rule files Carol's mail into Customers on arrival, in the sync lane (S6).
    const text = readFileSync(join(repoRoot, 'scenarios/lesson-1-forward-mailbox.yaml'), 'utf8').replace(
      '        - { address: ines@contoso.example, database: db1 }\n    crm:',
      '        - { address: ines@contoso.example, database: db1 }\n      rules:\n        - { action: move, folder: Customers, from: "carol@fabrikam.example", users: [paul@contoso.example] }\n    crm:',
    );
    const file = join(mkdtempSync(join(tmpdir(), 'mailflow-narration-')), 'move-rule.yaml');
    writeFileSync(file, text);
    const { data } = buildDemo(await loadLesson(file));
    const lines = narrationBeats(data).flatMap((b) => b.lines);
    expect(lines.filter((l) => l.startsWith('sync') && l.includes("A rule in paul@contoso.example's mailbox files it into Customers on delivery")).length).toBeGreaterThan(0);
    expect(expectFilingsTold(data)).toBeGreaterThan(0);
  });

  it('names each message, so that messages of one sender to one recipient can be told apart (lesson 2)', async () => {
    const { data } = buildDemo(await loadLesson(join(repoRoot, 'scenarios/lesson-2-exchange-outage.yaml')));
    for (const lane of data.lanes) {
      const names = lane.messages.map((m) => m.name);
      expect(new Set(names).size, lane.id).toBe(names.length);
      expect(names[0], lane.id).toBe('carol-1');
    }
    const steps = narrationBeats(data).flatMap((b) => b.lines).filter((l) => /^\S+ {4}/.test(l));
    expect(steps.length).toBeGreaterThan(0);
    for (const line of steps) expect(line).toMatch(/^\S+ +\[carol-\d+\] carol@fabrikam\.example -> /);
    // Ten messages from Carol to one person: different lines.
    const toInes = new Set(steps.filter((l) => l.includes('-> ines@contoso.example: An inbox rule') || l.includes('-> ines@contoso.example: The router asks')).map((l) => /\[(carol-\d+)\]/.exec(l)?.[1]));
    expect(toInes.size).toBeGreaterThan(3);
  });

  it('tells what both lanes do alike once, for both (lesson 4 before the cutover)', async () => {
    const { data } = buildDemo(await loadLesson(join(repoRoot, 'scenarios/lesson-4-cutover.yaml')));
    const beats = narrationBeats(data);
    const steps = (from: number, to: number) => beats.filter((b) => b.atMs >= from && b.atMs < to).flatMap((b) => b.lines).filter((l) => /^\S+ {4}/.test(l));
    const before = steps(0, 2 * 3_600_000);
    expect(before.length).toBeGreaterThan(20);
    for (const line of before) expect(line).toMatch(/^both {6}\[/);
    const after = steps(2 * 3_600_000, Infinity);
    expect(after.some((l) => l.startsWith('router'))).toBe(true);
    expect(after.some((l) => l.startsWith('sync'))).toBe(true);
  });
});

describe('moving through the story (--narrate)', () => {
  it('reads Enter, n, a time of day and +duration; says what it cannot do', async () => {
    const { data } = buildDemo(await loadLesson(join(repoRoot, 'scenarios/lesson-2-exchange-outage.yaml')));
    const beats = narrationBeats(data);
    const at = (ms: number) => beats.findIndex((b) => b.atMs >= ms);
    expect(narrationMove('', beats, 5, beats[4]?.atMs ?? 0, data)).toEqual({ kind: 'tell', to: 5 });
    // 9:00 and 09:00:00: ex1 goes down then (the lesson's caption and operation).
    const nine = at(3_600_000);
    expect(beats[nine]?.atMs).toBe(3_600_000);
    for (const typed of ['9:00', '09:00', ' 09:00:00 ']) expect(narrationMove(typed, beats, 1, beats[0]?.atMs ?? 0, data)).toEqual({ kind: 'tell', to: nine });
    expect(narrationMove('+1h', beats, 0, 0, data)).toEqual({ kind: 'tell', to: nine });
    expect(narrationMove('+30m', beats, nine + 1, 3_600_000, data)).toEqual({ kind: 'tell', to: at(90 * 60_000) });
    // n: the next beat with a caption or an operation.
    const landmark = beats.findIndex((b, i) => i >= 2 && b.lines.some((l) => / (>>|!!) /.test(l)));
    expect(narrationMove('n', beats, 2, beats[1]?.atMs ?? 0, data)).toEqual({ kind: 'tell', to: landmark });
    expect(beats.slice(2, landmark).every((b) => !b.landmark)).toBe(true);
    // 08:30 once it is past 09:00 is tomorrow: after the story.
    expect(narrationMove('8:30', beats, nine + 1, 3_600_000, data)).toMatchObject({ kind: 'say', text: expect.stringMatching(/^nothing happens from 08:30:00 on: the last step is at \d\d:\d\d:\d\d$/) });
    expect(narrationMove('25:00', beats, 0, 0, data)).toEqual({ kind: 'say', text: '25:00 is no time of day' });
    expect(narrationMove('+soon', beats, 0, 0, data)).toMatchObject({ kind: 'say' });
    expect(narrationMove('what', beats, 0, 0, data)).toMatchObject({ kind: 'say', text: expect.stringContaining('n: next caption or operation') });
  });
});
