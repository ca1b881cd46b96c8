// A client that gives two different messages one Message-ID: CRM's duplicate check knows them only by it (S8), so
// the second is answered Duplicate and never tracked. The ledger keeps them as two messages and names the reason,
// through either path; the same message reaching two mailboxes stays one message, tracked once.
import { describe, expect, it } from 'vitest';
import { FORWARD_RULE, FORWARD_USERS, lifeOf, routerSection, runCrm } from '../../helpers/crm-scenario.js';
import { MESSAGE_ID_REUSED, reusedMessageIdKey } from '../../../fakes/mail/reused-message-id.js';

const ID = '<newsletter@mailer.example>';
const mail = (at: string, subject: string, to = 'paul@contoso.example') =>
  `{ at: ${at}, from: news@mailer.example, to: [${to}], subject: "${subject}", messageId: "${ID}" }`;
const TRAFFIC = `{ messages: [${mail('1h', 'May issue')}, ${mail('30m', 'April issue')}] }`;
const SENDERS = '[{ name: mailer, domain: mailer.example, profile: exchange }]';
const SSS = {
  users: '\n    - { address: paul@contoso.example, incoming: email-router, filter: all }\n    - { address: anna@contoso.example, incoming: email-router, filter: all }',
  sss: '{ profiles: [{ name: exchange, server: ex1 }], enabled: all }', faults: '[{ at: 0s, verb: switchToServerSideSync, target: crm }]',
};

describe('a Message-ID reused for a different message (S8)', () => {
  it('server-side sync: the first sent is tracked, the second is answered Duplicate and untracked as message-id-reused', () => {
    const outcome = runCrm({ ...SSS, senders: SENDERS, traffic: TRAFFIC });
    // Keys follow sending order, not the order in the file.
    const april = lifeOf(outcome, ID);
    const may = lifeOf(outcome, reusedMessageIdKey(ID, 2));
    expect(april.path.find((s) => s.step === 'submitted')?.detail).toContain('paul@contoso.example');
    expect(april.activities).toHaveLength(1);
    expect(may.activities).toHaveLength(0);
    expect(may.evaluations.map((e) => e.reasonCode)).toContain(0);
    expect(may.untrackedReason).toBe(MESSAGE_ID_REUSED);
    expect(outcome.counts).toMatchObject({ sent: 2, untracked: 1, untrackedByReason: { [MESSAGE_ID_REUSED]: 1 }, duplicates: 0, lost: 0 });
    expect(outcome.checks.find((c) => c.name === 'no-untracked-mail')).toMatchObject({ verdict: 'fail', summary: `1 eligible message never tracked (${MESSAGE_ID_REUSED} 1)` });
    expect(outcome.checks.find((c) => c.name === 'no-silent-drop')?.verdict).toBe('pass');
  });

  it('the router, on the forward mailbox: the same, and the reason stays once however often the copy is read', () => {
    const outcome = runCrm({ users: FORWARD_USERS, rules: FORWARD_RULE, router: routerSection(), senders: SENDERS, traffic: TRAFFIC });
    const may = lifeOf(outcome, reusedMessageIdKey(ID, 2));
    expect(lifeOf(outcome, ID).activities).toHaveLength(1);
    expect(may.activities).toHaveLength(0);
    expect(may.path.filter((s) => s.step === 'untracked').map((s) => s.detail)).toEqual([MESSAGE_ID_REUSED]);
    expect(outcome.counts.untrackedByReason).toEqual({ [MESSAGE_ID_REUSED]: 1 });
  });

  it('after a cutover from the router: the router\'s end-of-run reasons (router-stopped) do not replace CRM\'s', () => {
    const outcome = runCrm({
      ...SSS, router: routerSection(), senders: SENDERS, faults: '[{ at: 30m, verb: switchToServerSideSync, target: crm }]',
      traffic: `{ messages: [${mail('2h', 'May issue')}, ${mail('1h', 'April issue')}] }`,
    });
    const may = lifeOf(outcome, reusedMessageIdKey(ID, 2));
    expect(may.untrackedReason).toBe(MESSAGE_ID_REUSED);
    expect(may.path.filter((s) => s.step === 'untracked').map((s) => s.detail)).toEqual([MESSAGE_ID_REUSED]);
    expect(outcome.counts.untrackedByReason).toEqual({ [MESSAGE_ID_REUSED]: 1 });
  });

  it('two entries with one Message-ID, From and Subject are one message sent twice, as serve judges it: nothing untracked', () => {
    const outcome = runCrm({ ...SSS, senders: SENDERS, traffic: `{ messages: [${mail('1h', 'April issue')}, ${mail('1h', 'April issue', 'anna@contoso.example')}] }` });
    expect(outcome.ledger.get(reusedMessageIdKey(ID, 2))).toBeUndefined();
    expect(outcome.counts).toMatchObject({ tracked: 1, untracked: 0, duplicatesPrevented: 1 });
  });

  it('one message to two tracked mailboxes is one message: the second copy is a harmless Duplicate, nothing untracked', () => {
    const outcome = runCrm({ ...SSS, senders: SENDERS, traffic: `{ messages: [${mail('30m', 'April issue', 'paul@contoso.example, anna@contoso.example')}] }` });
    expect(outcome.counts).toMatchObject({ sent: 1, tracked: 1, untracked: 0, duplicatesPrevented: 1 });
  });
});
