// The demo's data for every shipped lesson: both lanes see the same traffic, the counters at the end equal each
// lane's run counts (what `mailflow demo --lane <id> --json` prints), every step stands at a place the lane draws,
// and the same lesson and seed give the same data.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemo, runLane } from '../../../harness/demo/build-demo.js';
import { COUNTER_NAMES, LANE_IDS } from '../../../harness/demo/demo-data.js';
import { loadLesson } from '../../../harness/demo/lane-variants.js';
import { MAX_SHOWN_MESSAGES } from '../../../harness/demo/lane-view.js';
import { repoRoot } from '../../helpers/cli.js';

const lessons = readdirSync(join(repoRoot, 'scenarios')).filter((f) => /^lesson-\d.*\.yaml$/.test(f)).sort();

describe('buildDemo', () => {
  it('ships the four lessons the trainer view names', () => {
    expect(lessons).toEqual([
      'lesson-1-forward-mailbox.yaml', 'lesson-2-exchange-outage.yaml', 'lesson-3-sync-cycle-and-watermark.yaml', 'lesson-4-cutover.yaml',
    ]);
  });

  it.each(lessons)('%s: counters equal each lane\'s run, both lanes see the same traffic, steps stand at drawn places', async (file) => {
    const lesson = await loadLesson(join(repoRoot, 'scenarios', file));
    const { data } = buildDemo(lesson);
    for (const lane of data.lanes) {
      const run = runLane(lesson, lane.id);
      expect(run.verdict, `${file} ${lane.id}`).toBe('pass');
      for (const counter of COUNTER_NAMES) expect(lane.counters[counter], `${lane.id} ${counter}`).toBe(run.counts[counter]);
      expect(lane.run.counts).toEqual(run.counts);
      const places = new Set(lane.places.map((p) => p.id));
      for (const message of lane.messages) {
        for (const step of message.steps) expect(places, `${message.messageId} ${step.step}`).toContain(step.place);
      }
      expect(lane.timeline).toHaveLength(lane.messages.reduce((n, m) => n + m.steps.length, 0));
      const times = lane.timeline.map(([m, s]) => lane.messages[m]?.steps[s]?.atMs ?? NaN);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    const [router, sss] = data.lanes;
    expect(sss.run.counts['sent']).toBe(router.run.counts['sent']);
    expect(sss.run.counts['accepted']).toBe(router.run.counts['accepted']);
    expect(router.places.some((p) => p.kind === 'router')).toBe(true);
    expect(sss.places.some((p) => p.kind === 'sss')).toBe(true);
    expect(data.captions.length).toBeGreaterThan(0);
    expect(JSON.stringify(buildDemo(lesson).data)).toBe(JSON.stringify(data));
  });

  it('shows what each lesson is about in its counters', async () => {
    const counters = async (file: string) => {
      const { data } = buildDemo(await loadLesson(join(repoRoot, 'scenarios', file)));
      return Object.fromEntries(LANE_IDS.map((id, i) => [id, data.lanes[i]?.counters]));
    };
    // 1: filing does not matter to the router (the rule took a copy on delivery); sync misses what was filed first.
    const one = await counters('lesson-1-forward-mailbox.yaml');
    expect(one['router']?.untracked).toBe(0);
    expect(one['sss']?.untracked).toBeGreaterThan(0);
    expect(one['router']?.duplicatesPrevented).toBeGreaterThan(0);
    // 3: a read every minute misses less than a cycle every five.
    const three = await counters('lesson-3-sync-cycle-and-watermark.yaml');
    expect(three['sss']?.untracked).toBeGreaterThan(three['router']?.untracked ?? Infinity);
  });

  it('marks a duplicate prevented and a tracked step in the router lane of lesson 1, with the reason name', async () => {
    const { data } = buildDemo(await loadLesson(join(repoRoot, 'scenarios/lesson-1-forward-mailbox.yaml')));
    const steps = data.lanes[0].messages.flatMap((m) => m.steps);
    const duplicate = steps.find((s) => s.mark === 'duplicate-prevented');
    expect(duplicate?.reason).toEqual({ code: 0, name: 'Duplicate' });
    expect(duplicate?.rules).toContain('S8');
    expect(steps.find((s) => s.step === 'delivered' && s.place === 'mailbox:crm@contoso.example')?.rules).toEqual(['R1', 'R2']);
    expect(steps.filter((s) => s.mark === 'tracked')).toHaveLength(data.lanes[0].counters.tracked);
  });

  it('animates the first messages of a busy lesson, says so, and still counts every message', async () => {
    // Lesson 1 with ten times the customers' traffic: more messages than a page animates.
    const text = readFileSync(join(repoRoot, 'scenarios/lesson-1-forward-mailbox.yaml'), 'utf8')
      .replace('name: carol, sender: fabrikam, ratePerHour: 10,', 'name: carol, sender: fabrikam, ratePerHour: 300,');
    const file = join(mkdtempSync(join(tmpdir(), 'mailflow-busy-')), 'busy.yaml');
    writeFileSync(file, text);
    const lesson = await loadLesson(file);
    const { data } = buildDemo(lesson);
    expect(data.sampled).not.toBeNull();
    expect(data.sampled?.shown).toBe(MAX_SHOWN_MESSAGES);
    for (const lane of data.lanes) {
      expect(lane.messages.length).toBeLessThanOrEqual(MAX_SHOWN_MESSAGES);
      expect(lane.counterEvents.some((e) => e.message === -1)).toBe(true);
      const run = runLane(lesson, lane.id);
      for (const counter of COUNTER_NAMES) expect(lane.counters[counter], `${lane.id} ${counter}`).toBe(run.counts[counter]);
    }
  });
});

describe('operation captions', () => {
  it('say what stopping a router means, not an Exchange outage\'s queues (lesson 3)', async () => {
    const { data } = buildDemo(await loadLesson(join(repoRoot, 'scenarios', 'lesson-3-sync-cycle-and-watermark.yaml')));
    const down = data.operations.find((o) => o.verb === 'down' && o.target === 'router');
    expect(down?.caption).toMatch(/^The E-mail Router service \(router\) stops/);
    expect(down?.rules).toEqual(['R8']);
    expect(data.operations.filter((o) => o.target === 'router').map((o) => o.caption).join(' ')).not.toMatch(/Sending servers|senders retry/);
  });

  it('name only the users whose inbox rule a cutover batch removes (lesson 4: Omar and Lena never had one, R4)', async () => {
    const { data } = buildDemo(await loadLesson(join(repoRoot, 'scenarios', 'lesson-4-cutover.yaml')));
    const removals = data.operations.filter((o) => o.verb === 'removeInboxRules').map((o) => o.caption);
    expect(removals.length).toBeGreaterThan(0);
    expect(removals.join(' ')).toMatch(/paul@contoso\.example/);
    expect(removals.join(' ')).not.toMatch(/omar@|lena@/);
  });
});

describe('alerts', () => {
  it('show sync giving up on each mailbox in its own lane (lesson 2: disabled after 10 transient errors, S4)', async () => {
    const { data } = buildDemo(await loadLesson(join(repoRoot, 'scenarios', 'lesson-2-exchange-outage.yaml')));
    const down = data.operations.find((o) => o.verb === 'down')?.atMs ?? NaN;
    const enable = data.operations.find((o) => o.verb === 'testAndEnable')?.atMs ?? NaN;
    const disabled = data.operations.filter((o) => o.verb === 'alert' && o.caption.startsWith('Sync disables'));
    expect(disabled.map((o) => /disables (\S+)/.exec(o.caption)?.[1]).sort()).toEqual(['anna@contoso.example', 'ines@contoso.example', 'paul@contoso.example']);
    for (const o of disabled) {
      expect(o.lane).toBe('sss');
      expect(o.rules).toContain('S4');
      // Ten retries five minutes apart after the outage began, and before the administrator's Test & Enable.
      expect(o.atMs).toBeGreaterThan(down + 45 * 60_000);
      expect(o.atMs).toBeLessThan(enable);
    }
    expect(data.operations.filter((o) => o.verb === 'alert' && o.lane === 'router')).toEqual([]);
  });
});
