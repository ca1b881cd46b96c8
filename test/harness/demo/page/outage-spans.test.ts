// Faults as spans of time: a `down` or `crash` lasts until the verb that ends it as the report's timeline says
// (`up`, `restart`, `recoverServer`) or the run's end, and a span greys out the places its target names (a server's transport and mailboxes, or one place by id).
import { describe, expect, it } from 'vitest';
import type { DemoData, DemoOperation } from '../../../../harness/demo/demo-data.js';
import { laneOutages, outageSpans } from '../../../../harness/demo/page/outage-spans.js';
import { demoFixture } from '../../../helpers/demo-fixture.js';

const op = (atMs: number, verb: string, target: string, lane: DemoOperation['lane'] = 'both'): DemoOperation => ({ atMs, lane, verb, target, caption: `${verb} ${target}`, rules: [] });

describe('outageSpans', () => {
  const base = demoFixture();
  const withOps = (operations: DemoOperation[]): DemoData => ({ ...base, operations });

  it('pairs down with up and crash with restart; an unmatched one lasts to the end', () => {
    const spans = outageSpans(withOps([op(10, 'down', 'ex1'), op(20, 'crash', 'router', 'router'), op(30, 'up', 'ex1'), op(40, 'down', 'ex-crm'), op(50, 'testAndEnable', 'paul')]));
    expect(spans.map((s) => [s.target, s.fromMs, s.toMs])).toEqual([['ex1', 10, 30], ['router', 20, base.endMs], ['ex-crm', 40, base.endMs]]);
  });

  it('ends a down at whatever the report ends it with: a Setup /m:RecoverServer (X4) or a restart; other faults are no outage', () => {
    const spans = outageSpans(withOps([op(10, 'down', 'ex1'), op(20, 'recoverServer', 'ex1'), op(30, 'crash', 'ex1'), op(40, 'up', 'ex1'),
      op(50, 'down', 'ex1'), op(60, 'restart', 'ex1'), op(70, 'stopInbound', 'ex1'), op(80, 'dismount', 'ex1')]));
    expect(spans.map((s) => [s.verb, s.fromMs, s.toMs])).toEqual([['down', 10, 20], ['crash', 30, 40], ['down', 50, 60]]);
  });

  it('greys out the places a target names, in the lanes the operation applies to', () => {
    const spans = outageSpans(withOps([op(10, 'down', 'ex1'), op(20, 'crash', 'router', 'router'), op(30, 'restart', 'router', 'router')]));
    const [router, sss] = base.lanes;
    expect(laneOutages(router, spans)).toEqual([
      { fromMs: 10, toMs: base.endMs, places: ['server:ex1', 'mailbox:paul@contoso.example', 'mailbox:anna@contoso.example'] },
      { fromMs: 20, toMs: 30, places: ['router:router'] },
    ]);
    expect(laneOutages(sss, spans).map((o) => o.places.length)).toEqual([3]);
  });
});
