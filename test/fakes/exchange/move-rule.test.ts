// A person's own move rule (S6, R4): the message is delivered into the rule's folder and is never in the root Inbox;
// `from` narrows it to one sender or domain; the router's copying rule still runs [I]; removing the router's rules (a
// cutover) leaves the person's own.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { exchangeScenario, exchangeScenarioText } from '../../helpers/exchange-scenario.js';
import { inputProblems } from '../../helpers/input-problems.js';

const TWO_SENDERS = `
  messages:
    - { at: 1m, from: dana@partner.example, to: [alice@contoso.example], messageId: "<dana@partner.example>" }
    - { at: 2m, from: erik@partner.example, to: [alice@contoso.example], messageId: "<erik@partner.example>" }
    - { at: 3m, from: dana@partner.example, to: [bob@contoso.example], messageId: "<bob@partner.example>" }`;
const MOVE = '{ action: move, folder: Customers, users: [alice@contoso.example] }';
const COPY = '{ action: forward-as-attachment, to: crm@contoso.example, users: [alice@contoso.example] }';

function foldersOf(rules: string, faults = '[]'): Record<string, string[]> {
  const run = runScenario(exchangeScenario({ rules, traffic: TWO_SENDERS, faults }));
  return Object.fromEntries([...run.ledger.messages()].map((life) => [life.messageId, life.placements.map((p) => `${p.mailbox.split('@')[0]}/${p.folder}`)]));
}

describe('move rules', () => {
  it('deliver into the rule\'s folder, only for the owner\'s mail', () => {
    expect(foldersOf(`[${MOVE}]`)).toEqual({
      '<dana@partner.example>': ['alice/Customers'], '<erik@partner.example>': ['alice/Customers'], '<bob@partner.example>': ['bob/Inbox'],
    });
  });

  it('move only mail from the address or domain in `from`', () => {
    expect(foldersOf(`[${MOVE.replace('users', 'from: dana@partner.example, users')}]`)['<erik@partner.example>']).toEqual(['alice/Inbox']);
    expect(foldersOf(`[${MOVE.replace('users', 'from: dana@partner.example, users')}]`)['<dana@partner.example>']).toEqual(['alice/Customers']);
    expect(foldersOf(`[${MOVE.replace('users', 'from: "@partner.example", users')}]`)['<erik@partner.example>']).toEqual(['alice/Customers']);
    expect(foldersOf(`[${MOVE.replace('users', 'from: "@other.example", users')}]`)['<erik@partner.example>']).toEqual(['alice/Inbox']);
  });

  it('leave the router\'s copying rule running, and stay when an administrator removes the router\'s rules', () => {
    expect(foldersOf(`[${COPY}, ${MOVE}]`)['<dana@partner.example>']).toEqual(['alice/Customers', 'crm/Inbox']);
    const removed = foldersOf(`[${COPY}, ${MOVE}]`, '[{ at: 0s, verb: removeInboxRules, target: ex1, mailbox: alice@contoso.example }]');
    expect(removed['<dana@partner.example>']).toEqual(['alice/Customers']);
  });

  it('are refused without a folder, with a `to`, and copy rules with a folder or without a `to`', () => {
    const bad = (rules: string) => inputProblems(exchangeScenarioText({ rules }));
    expect(bad('[{ action: move, users: [alice@contoso.example] }]')).toEqual(['exchange.rules[0].folder: a move rule needs the folder it files mail into']);
    expect(bad('[{ action: move, folder: Inbox }]')).toEqual(['exchange.rules[0].folder: a folder other than the Inbox']);
    expect(bad('[{ action: move, folder: Old, to: crm@contoso.example }]')).toEqual([
      'exchange.rules[0].to: a move rule files mail into `folder`; `to` is for the rules that copy it',
    ]);
    expect(bad('[{ action: forward, folder: X }]')).toEqual([
      'exchange.rules[0].to: a forward rule needs `to`, where its copies go', 'exchange.rules[0].folder: `folder` is for move rules',
    ]);
  });
});
