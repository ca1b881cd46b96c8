// What the page says of its readers without a browser: when a lane's router stops for good (its switch to
// server-side sync, R14: after it the router's positions are greyed), and the legend's entries for the read marks,
// with the greyed one only where some mailbox shows a ThresholdDate after its lane's switch (lesson 4's cutover).
import { describe, expect, it } from 'vitest';
import type { DemoData, DemoLane, DemoOperation } from '../../../../harness/demo/demo-data.js';
import { readsLegend, routerStopMs, routerStops } from '../../../../harness/demo/page/read-marks.js';
import { demoFixture } from '../../../helpers/demo-fixture.js';

const H = 3_600_000;
const PAUL = 'mailbox:paul@contoso.example';

function switchAt(atMs: number, lane: DemoOperation['lane']): DemoOperation {
  return { atMs, lane, verb: 'switchToServerSideSync', target: 'crm', caption: 'Switch.', rules: ['R14'] };
}

/** The fixture with readers: the router lane's router reads paul from the start; the sync lane's router until 2h,
 * then sync from 3h, as a cutover lane's batch does. */
function withReaders(operations: readonly DemoOperation[]): DemoData {
  const base = demoFixture();
  const [router, sss] = base.lanes;
  const routerLane: DemoLane = { ...router, reads: [{ place: PAUL, by: 'router', reads: [60_000, 60_000], upTo: [[120_000, 0]] }] };
  const syncLane: DemoLane = { ...sss, reads: [
    { place: PAUL, by: 'router', reads: [60_000, H], upTo: [[60_000, null]] },
    { place: PAUL, by: 'sss', reads: [3 * H], upTo: [[3 * H, null]] },
  ] };
  return { ...base, lanes: [routerLane, syncLane], operations: [...base.operations, ...operations] };
}

describe('read marks', () => {
  it('stop the router at its lane\'s first switch to server-side sync (R14), or one for both lanes', () => {
    const data = withReaders([switchAt(3 * H, 'sss'), switchAt(2 * H, 'sss')]);
    expect(routerStops(data)).toEqual({ router: null, sss: 2 * H });
    expect(routerStopMs(data.lanes[0], [switchAt(H, 'both')])).toBe(H);
    expect(routerStopMs(data.lanes[0], [switchAt(H, 'sss')])).toBeNull();
  });

  it('say in the legend what the marks mean, the greyed ThresholdDate only where a lane shows one after its switch', () => {
    const cutover = readsLegend(withReaders([switchAt(2 * H, 'sss')])).toString();
    expect(cutover).toContain('data-legend="reading"');
    expect(cutover).toContain('read up to (ThresholdDate R8, watermark S6)');
    expect(cutover).toContain('data-legend="up-to-stopped"');
    expect(cutover).toContain('(R14)');
    // A sync lane that switches before its router reads anything (lessons 1 to 3) has no stopped position to explain.
    expect(readsLegend(withReaders([switchAt(0, 'sss')])).toString()).not.toContain('up-to-stopped');
    expect(readsLegend(demoFixture())).toBe('');
  });
});
