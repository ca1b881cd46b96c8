// A topology that cannot exist is refused before the run, naming what is wrong and where.
import { describe, expect, it } from 'vitest';
import { inputProblems } from '../../helpers/input-problems.js';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { exchangeScenarioText, type ExchangeScenarioParts } from '../../helpers/exchange-scenario.js';
import { exchangeConfigOf } from '../../../harness/world/build-exchange-world.js';

function problems(parts: ExchangeScenarioParts): string[] {
  return inputProblems(exchangeScenarioText(parts), 'bad.yaml');
}

describe('Exchange topology checks', () => {
  it('accepts the helper topology as it is', () => {
    expect(problems({})).toEqual([]);
  });

  it('refuses a message header named __proto__, which JavaScript would drop unread', () => {
    const traffic = (headers: string) => `{ messages: [{ at: 1m, from: carol@partner.example, to: [bob@contoso.example], headers: ${headers} }] }`;
    expect(problems({ traffic: traffic("{ Thread-Index: AQHZ }") })).toEqual([]);
    expect(problems({ traffic: traffic("{ __proto__: AQHZ }") })).toEqual([
      'traffic.messages[0].headers.__proto__: __proto__ names nothing here (a name JavaScript objects cannot hold): this entry would be dropped unread',
    ]);
  });

  it('refuses a rule forwarding to a mailbox that does not exist', () => {
    expect(problems({ rules: '[{ action: forward-as-attachment, to: ghost@contoso.example }]' }))
      .toEqual(["exchange.rules[0].to: the rule forwards to 'ghost@contoso.example', which is not a mailbox of the organisation"]);
  });

  it('refuses a database on an unknown server and a mailbox in an unknown database', () => {
    expect(problems({
      databases: '[{ name: db1, server: ex1 }, { name: db2, server: ex9 }]',
      mailboxes: '[{ address: alice@contoso.example, database: db3 }]',
    })).toEqual([
      "exchange.databases[1].server: no server named 'ex9'",
      "exchange.mailboxes[0].database: no database named 'db3'",
    ]);
  });

  it('refuses mailboxes outside the accepted domains, duplicates, and rules for non-users', () => {
    expect(problems({
      mailboxes: `
    - { address: alice@contoso.example, database: db1 }
    - { address: alice@contoso.example, database: db1 }
    - { address: q@other.example, kind: queue, database: db1 }`,
      rules: '[{ to: alice@contoso.example, users: [q@other.example] }]',
    })).toEqual([
      "exchange.mailboxes[1].address: mailbox 'alice@contoso.example' is defined twice",
      "exchange.mailboxes[2].address: 'other.example' is not an accepted domain (contoso.example)",
      "exchange.rules[0].users[0]: 'q@other.example' is not a user mailbox",
    ]);
  });

  describe("a rule's users written with {n}", () => {
    const mailboxes = `
    - { address: "sales{n}@contoso.example", database: db1, count: 3 }
    - { address: alice@contoso.example, database: db1 }
    - { address: "q{n}@contoso.example", kind: queue, database: db1, count: 2 }
    - { address: crm@contoso.example, kind: forward, database: db1 }`;
    const rule = (users: string) => ({ mailboxes, rules: `[{ to: crm@contoso.example, users: ${users} }]` });

    it('deploys the rule to every mailbox the counted line made, and to the plain addresses beside it', () => {
      const scenario = parseScenarioText(exchangeScenarioText(rule('["sales{n}@contoso.example", alice@contoso.example]')), 'ok.yaml');
      const ruled = exchangeConfigOf(scenario.exchange!).mailboxes.filter((m) => m.rules.length > 0).map((m) => m.address);
      expect(ruled).toEqual(['sales1@contoso.example', 'sales2@contoso.example', 'sales3@contoso.example', 'alice@contoso.example']);
    });

    it('reads every {n} of an entry as one number, in time linear in the entries (the diff review: 8 took 97 s)', () => {
      // The last address nearly fits eighteen {n}: one group per {n} tried every way of cutting its digits.
      const many = `- { address: "a{n}b{n}c@contoso.example", database: db1, count: 12 }
    - { address: crm@contoso.example, kind: forward, database: db1 }
    - { address: x${'1'.repeat(40)}y@contoso.example, database: db1 }`;
      const rule12 = (users: string) => ({ mailboxes: `\n    ${many}`, rules: `[{ to: crm@contoso.example, users: ${users} }]` });
      const scenario = parseScenarioText(exchangeScenarioText(rule12('["a{n}b{n}c@contoso.example"]')), 'ok.yaml');
      expect(exchangeConfigOf(scenario.exchange!).mailboxes.filter((m) => m.rules.length > 0)).toHaveLength(12);
      // Eighteen {n} side by side: refused at once, not after minutes.
      const long = `"x${'{n}'.repeat(18)}y@contoso.example"`;
      expect(problems(rule12(`[${long}]`))).toEqual([
        `exchange.rules[0].users[0]: 'x${'{n}'.repeat(18)}y@contoso.example' stands for no mailbox: {n} is a number from 1 up, as in a mailbox line with count (no zero-padding)`,
      ]);
    });

    it('refuses a pattern that stands for no mailbox, or for mailboxes that are not users\'', () => {
      expect(problems(rule('["sale{n}@contoso.example"]'))).toEqual([
        "exchange.rules[0].users[0]: 'sale{n}@contoso.example' stands for no mailbox: {n} is a number from 1 up, as in a mailbox line with count (no zero-padding)",
      ]);
      expect(problems(rule('[alice@contoso.example, "q{n}@contoso.example"]'))).toEqual([
        "exchange.rules[0].users[1]: 'q{n}@contoso.example' stands for 2 mailboxes that are not a user's: q1@contoso.example (queue), q2@contoso.example (queue)",
      ]);
    });
  });

  it('refuses traffic no sender sends, and operations on databases the server does not hold', () => {
    expect(problems({
      traffic: '{ messages: [{ at: 1m, from: x@stranger.example, to: [alice@contoso.example] }], generators: [{ name: g, sender: nobody, ratePerHour: 1 }] }',
      faults: '[{ at: 1m, verb: dismount, target: ex1, database: db7 }, { at: 1m, verb: backup, target: ex1 }, { at: 1m, verb: stopInbound, target: partners }]',
    })).toEqual([
      "traffic.messages[0].from: no outside sender sends for 'stranger.example' (internet.senders)",
      "traffic.generators[0].sender: no outside sender named 'nobody'",
      "faults[0].database: no database 'db7' on server 'ex1'",
      "faults[1]: 'backup' needs a database",
      "faults[2].target: 'stopInbound' acts on an Exchange server; 'partners' is not one",
    ]);
  });

  it('refuses an organisation-wide Exchange operation aimed at something that is not an Exchange server', () => {
    // Any of the organisation's servers takes these; a sender's name was accepted and the run said PASS.
    expect(problems({
      faults: `[{ at: 1m, verb: removeInboxRules, target: partners }, { at: 1m, verb: otherOrgTestAndEnable, target: partners, mailbox: alice@contoso.example, organisation: test },
        { at: 1m, verb: removeInboxRules, target: ex1 }]`,
    })).toEqual([
      "faults[0].target: 'removeInboxRules' acts on an Exchange server; 'partners' is not one",
      "faults[1].target: 'otherOrgTestAndEnable' acts on an Exchange server; 'partners' is not one",
    ]);
  });

  it('refuses a message or an .eml listed after the horizon, which would never be sent; at the horizon is sent', () => {
    expect(problems({
      horizon: '8h',
      traffic: `{ messages: [{ at: 8h, from: carol@partner.example, to: [alice@contoso.example] }, { at: 9h, from: carol@partner.example, to: [alice@contoso.example] },
        { at: 8h1m, from: alice@contoso.example, to: [bob@contoso.example] }], eml: [{ at: 10h, file: order.eml }] }`,
    })).toEqual([
      'traffic.messages[1].at: 9h is after the horizon (8h): traffic is sent at or before it',
      'traffic.messages[2].at: 8h 1m is after the horizon (8h): traffic is sent at or before it',
      'traffic.eml[0].at: 10h is after the horizon (8h): traffic is sent at or before it',
    ]);
  });

  it('refuses a scenario with two worlds, or none', () => {
    const text = exchangeScenarioText({}) + 'toy: {}\n';
    expect(() => parseScenarioText(text, 'bad.yaml')).toThrow(/exactly one world/);
  });
});
