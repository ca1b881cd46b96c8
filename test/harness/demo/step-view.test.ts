// Captions of single ledger steps as the demo shows them: a message moved back to the Inbox is not "filed", and the
// reason it then stays untracked cites S6.
import { describe, expect, it } from 'vitest';
import { viewStep, type MessageContext } from '../../../harness/demo/step-view.js';
import type { PathStep } from '../../../sim/ledger/records.js';

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
    expect(created('act-1 incoming by router from crm@contoso.example for anna@contoso.example').rules).toEqual(['R2', 'S8']);
    expect(created(`act-2 incoming by router from ${ANNA} for ${ANNA}`).rules).toEqual(['R4', 'S8']);
  });
});

describe('demo captions of a track with the App for Outlook', () => {
  it('cite C4 for its check and its activity, and name the app', () => {
    const checked = view('evaluated', 'app-for-outlook: reason 0');
    expect(checked.caption).toMatch(/^The App for Outlook asks CRM/);
    expect(checked.rules).toEqual(['C4', 'S8']);
    expect(view('activity-created', `act-1 incoming by app-for-outlook from ${ANNA} for ${ANNA}`).rules).toEqual(['C4']);
  });
});
