// Captions of single ledger steps as the demo shows them: a message moved back to the Inbox is not "filed", and the
// reason it then stays untracked cites S6.
import { describe, expect, it } from 'vitest';
import { viewStep, type MessageContext } from '../../../harness/demo/step-view.js';
import type { PathStep } from '../../../sim/ledger/records.js';
import { Ledger } from '../../../sim/ledger/ledger.js';

const ANNA = 'anna@contoso.example';
const ctx: MessageContext = { places: { places: [], serverOf: new Map([[ANNA, 'ex1']]), frontServer: 'ex1' }, crmEmail: false };
const view = (step: string, detail: string) => viewStep({ atMs: 0, step, detail } as PathStep, 'ex1', ctx);

describe('demo captions of a person moving mail', () => {
  it('files into a folder, or moves back to the Inbox, each with S6', () => {
    expect(view('moved', `${ANNA}/Projects`).caption).toBe(`${ANNA} files it into Projects: it is no longer in the root Inbox (S6).`);
    const back = view('moved', `${ANNA}/Inbox`);
    expect(back.caption).toMatch(/moves it back to the Inbox/);
    expect(back.caption).not.toMatch(/files it/);
    expect(back.rules).toEqual(['S6']);
  });

  it('cites S6 for mail left behind the watermark', () => {
    expect(view('untracked', 'behind-watermark').rules).toEqual(['S6']);
    expect(view('untracked', 'not-in-root-inbox').rules).toEqual(['S6']);
  });
});

describe('demo captions of an activity the router creates', () => {
  it('cite R2 when it read the forward mailbox, R4 when it read the person\'s own Inbox (Email Router access)', () => {
    const places = { places: [{ id: 'mailbox:crm@contoso.example', label: 'crm@contoso.example', kind: 'forward-mailbox' as const, column: 'exchange' as const, server: 'ex1' }], serverOf: new Map([[ANNA, 'ex1']]), frontServer: 'ex1' };
    const withForward: MessageContext = { places, crmEmail: false };
    const created = (detail: string) => viewStep({ atMs: 0, step: 'activity-created', detail } as PathStep, 'ex1', withForward);
    expect(created('act-1 incoming by router read from crm@contoso.example for anna@contoso.example').rules).toEqual(['R2', 'S8']);
    expect(created(`act-2 incoming by router read from ${ANNA} for ${ANNA}`).rules).toEqual(['R4', 'S8']);
  });
});

describe('demo captions of a track with the App for Outlook', () => {
  it('cite C4 for its check and its activity, and name the app', () => {
    const checked = view('evaluated', 'app-for-outlook: reason 0');
    expect(checked.caption).toMatch(/^The App for Outlook asks CRM/);
    expect(checked.rules).toEqual(['C4', 'S8']);
    expect(view('activity-created', `act-1 incoming by app-for-outlook read from ${ANNA} for ${ANNA}`).rules).toEqual(['C4']);
  });
});

describe('demo captions of a delivery', () => {
  const place = (id: string, kind: 'router' | 'sss' | 'forward-mailbox' | 'queue-mailbox' | 'user-mailbox') => ({ id, label: id, kind, column: 'processor' as const, server: null });
  const lane = (...kinds: Array<'router' | 'sss' | 'forward-mailbox'>): MessageContext => ({
    places: { places: kinds.map((k) => place(k === 'forward-mailbox' ? 'mailbox:crm@contoso.example' : k, k)), serverOf: new Map([[ANNA, 'ex1']]), frontServer: 'ex1' },
    crmEmail: false,
  });
  const delivered = (detail: string, ctx: MessageContext) => viewStep({ atMs: 0, step: 'delivered', detail } as PathStep, 'ex1', ctx);

  it('says eligible for tracking, not that CRM would track it: nobody may read that Inbox (S9)', () => {
    const inbox = delivered(`${ANNA}/Inbox (user, eligible)`, lane('sss'));
    expect(inbox.caption).toBe(`Delivered to ${ANNA}'s Inbox; eligible for tracking by the recipient's filter (S9).`);
    expect(inbox.caption).not.toMatch(/would track/);
    expect(delivered(`${ANNA}/Inbox (user)`, lane('sss')).caption).toMatch(/not for CRM \(S9\)/);
  });

  it('tells Junk as the lane\'s readers see it: no sync in a router lane, no router in a sync lane', () => {
    const junk = (ctx: MessageContext) => delivered(`${ANNA}/Junk (user, eligible)`, ctx);
    expect(junk(lane('sss')).caption).toBe(`The junk filter puts it in ${ANNA}'s Junk folder: sync reads only the root Inbox (S6).`);
    expect(junk(lane('router')).caption).toBe(`The junk filter puts it in ${ANNA}'s Junk folder: the router reads only the Inbox (S6).`);
    expect(junk(lane('router', 'forward-mailbox')).caption).toMatch(/inbox rules do not copy junked mail to the forward mailbox, and the router reads only the Inbox \(R2, S6\)/);
    expect(junk(lane('router', 'forward-mailbox')).rules).toEqual(['R2', 'S6']);
    expect(junk(lane('router', 'sss')).caption).toMatch(/neither the router nor sync reads Junk \(S6\)/);
    for (const ctx of [lane('router'), lane('router', 'forward-mailbox')]) expect(junk(ctx).caption).not.toMatch(/sync/);
  });

  it('tells a move rule filing it on delivery (S6)', () => {
    const filed = delivered(`${ANNA}/Customers (user, eligible)`, lane('sss'));
    expect(filed.caption).toBe(`A rule in ${ANNA}'s mailbox files it into Customers on delivery: it is never in the root Inbox (S6).`);
    expect(filed.rules).toEqual(['S6']);
  });
});

describe('demo captions of steps that change nothing for CRM', () => {
  it('a person opening the message: in Outlook, not a reader for CRM, and minor', () => {
    const read = view('read', ANNA);
    expect(read.caption).toBe(`Anna opens it in Outlook (${ANNA}); reading it changes nothing for CRM.`);
    expect(read.minor).toBe(true);
    expect(view('removed', 'crm@contoso.example: processed').minor).toBe(true);
    for (const step of [view('moved', `${ANNA}/Projects`), view('untracked', 'not-in-root-inbox'), view('delivered', `${ANNA}/Inbox (user, eligible)`)]) {
      expect(step.minor).toBeUndefined();
    }
  });
});

describe('demo captions of an activity', () => {
  it('read the mailbox the activity came from as read, not as a sender (the ledger\'s `from`)', () => {
    const places = { places: [{ id: 'mailbox:crm@contoso.example', label: 'crm@contoso.example', kind: 'forward-mailbox' as const, column: 'exchange' as const, server: 'ex1' }], serverOf: new Map([[ANNA, 'ex1']]), frontServer: 'ex1' };
    const created = (detail: string) => viewStep({ atMs: 0, step: 'activity-created', detail } as PathStep, 'ex1', { places, crmEmail: false }).caption;
    expect(created('email-1 incoming by router read from crm@contoso.example for paul@contoso.example in crm'))
      .toBe('CRM creates the incoming email activity email-1 for paul@contoso.example, read by the router in the forward mailbox crm@contoso.example (R2, S8).');
    expect(created(`email-2 incoming by sss read from ${ANNA} for ${ANNA} in crm`))
      .toBe(`CRM creates the incoming email activity email-2 for ${ANNA}, read by server-side sync in ${ANNA}'s mailbox (S5, S8).`);
    expect(created('email-3 outgoing by crm')).toBe('CRM creates the outgoing email activity email-3 (O1).');
    for (const caption of [created('email-1 incoming by router read from crm@contoso.example for paul@contoso.example in crm')]) expect(caption).not.toMatch(/from crm@/);
  });
});

describe('demo captions of an activity tracked by a person', () => {
  it('say it was tracked in Outlook, not read (C1)', () => {
    const caption = view('activity-created', `email-2 incoming by outlook read from ${ANNA} for support@contoso.example in crm`).caption;
    expect(caption).toBe(`CRM creates the incoming email activity email-2 for support@contoso.example, tracked in Outlook in ${ANNA}'s mailbox (C1).`);
  });
});

describe('demo captions of an activity, from the ledger\'s own text', () => {
  it('read the step as the ledger writes it (a merge left the demo parsing an older wording: every caption said O1)', () => {
    const ledger = new Ledger(() => 0);
    ledger.submitted('<m@x>', 'carol@fabrikam.example', [ANNA]);
    ledger.activityCreated('<m@x>', 'email-1', 'incoming', 'router', { receivingMailbox: 'crm@contoso.example', acceptingEntity: ANNA, organisation: 'crm' });
    const step = ledger.get('<m@x>')?.path.find((p) => p.step === 'activity-created');
    expect(step).toBeDefined();
    const places = { places: [{ id: 'mailbox:crm@contoso.example', label: 'crm@contoso.example', kind: 'forward-mailbox' as const, column: 'exchange' as const, server: 'ex1' }], serverOf: new Map([[ANNA, 'ex1']]), frontServer: 'ex1' };
    const shown = viewStep(step as PathStep, 'ex1', { places, crmEmail: false });
    expect(shown.rules).toEqual(['R2', 'S8']);
    expect(shown.caption).toContain('read by the router in the forward mailbox crm@contoso.example');
  });
});
