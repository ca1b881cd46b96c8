// O2 on every send path: CRM email of an unapproved sender stays Pending Send indefinitely, with no attempt, and
// counts as pending, whoever would send it (the E-mail Router, Outlook, server-side sync, CRM's own SMTP), because CRM
// hands none of it out (fakes/crm/sender-approval.ts through OutboundStatus.ready). With the organisation's
// requireApproval off (S3) the same email leaves. Each run also sends an approved user's email, so a path that sends
// nothing at all cannot pass for one that respects approval.
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../../harness/run/run-scenario.js';
import { FORWARD_RULE, keysSubmittedBy, lifeOf, routerSection, runCrm, type CrmScenarioParts } from '../../helpers/crm-scenario.js';

const PAUL = 'paul@contoso.example';
const ANNA = 'anna@contoso.example';
const EMAILS = `[{ at: 10m, from: ${PAUL}, to: [carol@fabrikam.example], subject: "Approved" },
    { at: 10m, from: ${ANNA}, to: [carol@fabrikam.example], subject: "Not approved" }]`;

/** Paul approved, Anna not, both sending through `outgoing`; `incoming` as the path needs it. */
const users = (incoming: string, outgoing: string) => `
    - { address: ${PAUL}, incoming: ${incoming}, outgoing: ${outgoing} }
    - { address: ${ANNA}, incoming: ${incoming}, outgoing: ${outgoing}, approved: false }`;

const outboundOf = (outcome: RunOutcome, from: string) => {
  const [key] = keysSubmittedBy(outcome, from);
  return lifeOf(outcome, key ?? '').outbound;
};

/** Runs the path with approval required (the default) and with it off. */
function bothWays(parts: CrmScenarioParts): { required: RunOutcome; off: RunOutcome } {
  const withEmails = { ...parts, emails: EMAILS };
  return { required: runCrm(withEmails), off: runCrm({ ...withEmails, settings: '{ requireApproval: false }' }) };
}

function expectHeldOnlyWhenRequired({ required, off }: { required: RunOutcome; off: RunOutcome }): void {
  expect(outboundOf(required, PAUL)).toEqual({ status: 'Sent', attempts: 1 });
  // O2: never Sending, no delivery attempt, to the end of the drain.
  expect(outboundOf(required, ANNA)).toEqual({ status: 'Pending Send', attempts: 0 });
  expect(required.counts).toMatchObject({ pending: 1, bounced: 0, duplicates: 0 });
  expect(required.checks.find((c) => c.name === 'liveness')?.verdict).toBe('fail');
  // S3: approval not required, so nothing holds it.
  expect(outboundOf(off, ANNA)).toEqual({ status: 'Sent', attempts: 1 });
  expect(off.counts).toMatchObject({ pending: 0 });
}

describe('O2: an unapproved sender\'s email stays Pending Send on every path', () => {
  it('the E-mail Router (R7) takes none of it in its outgoing passes', () => {
    expectHeldOnlyWhenRequired(bothWays({ users: users('forward-mailbox', 'email-router'), rules: FORWARD_RULE, router: routerSection() }));
  });

  it('server-side sync (S5) sends none of it, even from a mailbox listed as enabled before the run', () => {
    const sss = '\n  profiles: [{ name: exchange, server: ex1 }]\n  enabled: all\n';
    expectHeldOnlyWhenRequired(bothWays({
      users: users('email-router', 'email-router'), sss, faults: '[{ at: 0s, verb: switchToServerSideSync, target: crm }]',
    }));
  });

  it('Outlook (outgoing access Outlook, R4) gets none of it from CRM', () => {
    expectHeldOnlyWhenRequired(bothWays({ users: users('outlook', 'outlook') }));
  });

  it('CRM\'s own SMTP outbound (O3) sends none of it', () => {
    expectHeldOnlyWhenRequired(bothWays({ users: users('outlook', 'smtp') }));
  });
});
