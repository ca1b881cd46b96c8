// The terminal story: beats in time order with the lesson's captions and operations, a retrying sender told once,
// and an ending whose counters are the lanes' counters.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemo } from '../../../harness/demo/build-demo.js';
import { loadLesson } from '../../../harness/demo/lane-variants.js';
import { clockOf, narrationBeats, narrationEnding } from '../../../harness/demo/narration.js';
import { repoRoot } from '../../helpers/cli.js';

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
    const retries = lines.filter((l) => l.includes('cannot hand it over'));
    const retrying = data.lanes.flatMap((lane) => lane.messages.filter((m) => m.steps.some((s) => s.mark === 'retry')));
    expect(retries.length).toBe(retrying.length);
    expect(retrying.length).toBeGreaterThan(0);
  });

  it('tells a filing only where it leaves the message untracked: not the router lane\'s forwarded mail (lesson 1)', async () => {
    const { data } = buildDemo(await loadLesson(join(repoRoot, 'scenarios/lesson-1-forward-mailbox.yaml')));
    const lines = narrationBeats(data).flatMap((b) => b.lines);
    const filings = (tag: string) => lines.filter((l) => l.startsWith(tag) && l.includes(' files it into '));
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
});
