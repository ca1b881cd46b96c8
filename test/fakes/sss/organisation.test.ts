// One organisation per mailbox (S13): Exchange keeps one OrgID; another organisation's Test & Enable overwrites it and
// this organisation's mailbox stops (its mail untracked as other-organisation); "sync with this org only" takes it
// back at the next cycle; so does this organisation's own Test & Enable.
import { describe, expect, it } from 'vitest';
import { lifeOf, runCrm } from '../../helpers/crm-scenario.js';

const USERS = `
    - { address: paul@contoso.example, incoming: email-router, filter: all }
    - { address: anna@contoso.example, incoming: none }`;
const ON_SSS = '{ at: 0s, verb: switchToServerSideSync, target: crm }';
const TEST_ORG_TAKES_PAUL = '{ at: 1h, verb: otherOrgTestAndEnable, target: ex1, mailbox: paul@contoso.example, organisation: crm-test }';
const mail = (at: string, id: string) => `{ at: ${at}, from: carol@fabrikam.example, to: [paul@contoso.example], subject: "Hello", messageId: "<${id}@fabrikam.example>" }`;
const TRAFFIC = `{ messages: [${mail('30m', 'before')}, ${mail('2h', 'after')}] }`;
const run = (faults: string[]) => runCrm({
  users: USERS, traffic: TRAFFIC, sss: '{ profiles: [{ name: exchange, server: ex1 }], enabled: all }', faults: `[${[ON_SSS, ...faults].join(', ')}]`,
});

describe('one organisation per mailbox (S13)', () => {
  it('another organisation\'s Test & Enable takes the mailbox: it stops here, and later mail is untracked as other-organisation', () => {
    const outcome = run([TEST_ORG_TAKES_PAUL]);
    expect(lifeOf(outcome, '<before@fabrikam.example>').activities).toHaveLength(1);
    expect(lifeOf(outcome, '<after@fabrikam.example>').activities).toHaveLength(0);
    expect(outcome.counts).toMatchObject({ untracked: 1, untrackedByReason: { 'other-organisation': 1 } });
  });

  it('"sync with this org only" takes the mailbox back at the next cycle: nothing untracked', () => {
    const outcome = run(['{ at: 1m, verb: testAndEnable, target: sss, mailbox: paul@contoso.example, thisOrgOnly: true }', TEST_ORG_TAKES_PAUL]);
    expect(lifeOf(outcome, '<after@fabrikam.example>').activities).toHaveLength(1);
    expect(outcome.counts).toMatchObject({ untracked: 0, duplicates: 0 });
  });

  it('this organisation\'s own Test & Enable overwrites the OrgID again and pulls back what the Inbox still holds', () => {
    const outcome = run([TEST_ORG_TAKES_PAUL, '{ at: 3h, verb: testAndEnable, target: sss, mailbox: paul@contoso.example }']);
    expect(lifeOf(outcome, '<after@fabrikam.example>').activities).toHaveLength(1);
    expect(outcome.counts).toMatchObject({ untracked: 0, duplicates: 0 });
  });
});
