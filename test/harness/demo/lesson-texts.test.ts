// What the shipped lessons and docs/demo.md tell a class agrees with the model: a caption for both lanes says nothing
// only one lane has, the number of failures that disables a mailbox is the model's (S4), and a caption naming a
// cutover batch names everyone in it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemo, runLane } from '../../../harness/demo/build-demo.js';
import { loadLesson } from '../../../harness/demo/lane-variants.js';
import { DEFAULT_SSS_SETTINGS } from '../../../fakes/sss/sss-config.js';
import { repoRoot } from '../../helpers/cli.js';

const lesson = (name: string) => loadLesson(join(repoRoot, 'scenarios', name));

describe('the lessons\' captions', () => {
  it('lesson 2: the caption for both lanes when ex1 is back does not give the sync lane inbox rules and crm@ (R2)', async () => {
    const { data } = buildDemo(await lesson('lesson-2-exchange-outage.yaml'));
    const back = data.captions.find((c) => c.lane === 'both' && c.atMs === 150 * 60_000);
    expect(back?.text).toMatch(/^ex1 is back\. The senders' queues empty in a burst \(X1\)\./);
    // Said of the router lane only (top), and the sync lane (bottom) said apart, with its own rule.
    expect(back?.text).toMatch(/Top: inbox rules copy Paul's and Anna's mail to crm@ as it lands \(R2\)\. Bottom: .*\(S4\)\.$/);
    const sssLane = data.lanes[1];
    expect(sssLane.places.some((p) => p.kind === 'forward-mailbox')).toBe(false);
  });

  it('lesson 2: the caption, the lesson\'s comment and docs/demo.md count the failures that disable a mailbox as the model does (S4)', async () => {
    const loaded = await lesson('lesson-2-exchange-outage.yaml');
    // The lane's own settings: the model's defaults (fakes/sss/sss-config.ts), as the lesson sets none.
    const settings = loaded.lanes.sss.sss?.settings;
    expect(settings?.transientRetries).toBe(DEFAULT_SSS_SETTINGS.transientRetries);
    const retries = settings?.transientRetries ?? NaN;
    const nth = `${retries + 1}th`;
    const { data } = buildDemo(loaded);
    expect(data.captions.some((c) => c.lane === 'sss' && c.text.startsWith(`The ${nth} failure in a row (the first, then ${retries} retries)`))).toBe(true);
    expect(readFileSync(join(repoRoot, 'scenarios/lesson-2-exchange-outage.yaml'), 'utf8')).toContain(`retries a transient error ${retries} times, 5 minutes apart\n# (sss.settings.transientRetries), and the ${nth} failure in a row`);
    const row = readFileSync(join(repoRoot, 'docs/demo.md'), 'utf8').split('\n').find((l) => l.startsWith('| `lesson-2-exchange-outage`'));
    expect(row).toContain(`retried ${retries} times 5 minutes apart`);
    expect(row).toContain(`the ${nth} failure in a row`);
    expect(row).not.toMatch(/\b10 transient errors\b/);
    // Alerts: the disabling is the (retries + 1)th failure, `retries` intervals after the first.
    const down = data.operations.find((o) => o.verb === 'down')?.atMs ?? NaN;
    const disabled = data.operations.filter((o) => o.verb === 'alert' && o.caption.startsWith('Sync disables'));
    expect(disabled).toHaveLength(3);
    for (const o of disabled) expect(o.atMs - down).toBeGreaterThanOrEqual(retries * (settings?.transientRetryInterval ?? NaN));
  });

  it('lesson 4: the first batch\'s caption names every user in the first batch (Paul too)', async () => {
    const loaded = await lesson('lesson-4-cutover.yaml');
    const { data } = buildDemo(loaded);
    const schedule = runLane(loaded, 'sss').cutover;
    const first = schedule?.batches[0];
    expect(first?.mailboxes.length).toBeGreaterThan(0);
    const users = new Set((loaded.lanes.sss.crm as { users: Array<{ address: string }> }).users.map((u) => u.address));
    const firstUsers = (first?.mailboxes ?? []).filter((m) => users.has(m));
    expect(firstUsers).toEqual(['paul@contoso.example']);
    const caption = data.captions.find((c) => c.lane === 'sss' && c.text.startsWith('First batch'));
    expect(caption?.atMs).toBe(first?.atMs);
    for (const user of firstUsers) {
      const name = (user.split('@')[0] ?? '').replace(/^./, (c) => c.toUpperCase());
      expect(caption?.text).toContain(name);
    }
    expect(caption?.text).toMatch(/the queue and the forward mailbox/);
  });
});
