// What a lane's boxes say: a mailbox without the mail domain all the lane's mailboxes share (the server group names
// it once, so the label stays whole when the drawing is shrunk to fit a projector), a transport without its server's
// name, and a label too long for its box cut with an ellipsis.
import { describe, expect, it } from 'vitest';
import type { DemoPlace } from '../../../../harness/demo/demo-data.js';
import { layoutLane } from '../../../../harness/demo/page/lane-layout.js';
import { boxLabel, fitLabel, laneSvg, sharedDomain } from '../../../../harness/demo/page/lane-svg.js';
import { demoFixture } from '../../../helpers/demo-fixture.js';

const mailbox = (label: string): DemoPlace => ({ id: `mailbox:${label}`, label, kind: 'user-mailbox', column: 'exchange', server: 'ex1' });
const TRANSPORT: DemoPlace = { id: 'server:ex1', label: 'ex1 transport', kind: 'transport', column: 'exchange', server: 'ex1' };
const ROUTER: DemoPlace = { id: 'router:router', label: 'E-mail Router (router)', kind: 'router', column: 'processor', server: null };

describe('box labels', () => {
  it('leave out the domain every mailbox shares, and only then', () => {
    const places = [TRANSPORT, mailbox('paul@contoso.example'), mailbox('crm@contoso.example'), ROUTER];
    expect(sharedDomain(places)).toBe('contoso.example');
    expect(places.map((p) => boxLabel(p, 'contoso.example'))).toEqual(['transport', 'paul', 'crm', 'E-mail Router (router)']);
    expect(sharedDomain([...places, mailbox('ops@fabrikam.example')])).toBeNull();
    expect(sharedDomain([...places, mailbox('Public folder')])).toBeNull();
    expect(boxLabel(mailbox('paul@contoso.example'))).toBe('paul@contoso.example');
  });

  it('name the shared domain once, on the server group, and keep the whole address in the tooltip', () => {
    const lane = demoFixture().lanes[0];
    const svg = laneSvg(lane, layoutLane(lane)).value;
    expect(svg).toContain('server ex1 · @contoso.example');
    expect(svg).toContain('<title>paul@contoso.example</title>');
    expect(svg).toMatch(/<text class="label"[^>]*>paul<\/text>/);
  });

  it('cut a label too long for its box', () => {
    expect(fitLabel('E-mail Router (router)', 151)).toBe('E-mail Router (ro…');
    expect(fitLabel('transport', 76)).toBe('transport');
  });
});
