// The world builder hands the models what the scenario says: explicit messages with their headers, rules expanded
// per user, generators with their recipients.
import { describe, expect, it } from 'vitest';
import { exchangeWorldSpecOf } from '../../../harness/world/build-exchange-world.js';
import { exchangeScenario } from '../../helpers/exchange-scenario.js';

function specOf(parts: Parameters<typeof exchangeScenario>[0]) {
  const s = exchangeScenario(parts);
  return exchangeWorldSpecOf(s.exchange!, s.internet, s.traffic, s.horizon, Date.parse(s.start), s.users);
}

describe('exchange world builder', () => {
  it('carries In-Reply-To, References, other headers and a size derived from the body', () => {
    const spec = specOf({ traffic: `
  messages:
    - { at: 1m, from: dana@partner.example, to: [alice@contoso.example], body: "${'x'.repeat(1000)}",
        inReplyTo: "<a@contoso.example>", references: ["<r@contoso.example>", "<a@contoso.example>"], headers: { Thread-Index: AQHX } }` });
    expect(spec.senders[0]!.traffic.messages[0]!.message).toMatchObject({
      key: '<message-1@partner.example>', sizeBytes: 1000 + 2048, inReplyTo: '<a@contoso.example>',
      references: ['<r@contoso.example>', '<a@contoso.example>'], headers: { 'Thread-Index': 'AQHX' },
    });
  });

  it('expands rules deployed to all users onto user mailboxes only', () => {
    const spec = specOf({ rules: '[{ to: crm@contoso.example }]' });
    expect(spec.exchange.mailboxes.map((m) => [m.address, m.rules.length])).toEqual([
      ['alice@contoso.example', 1], ['bob@contoso.example', 1], ['crm@contoso.example', 0],
    ]);
  });

  it('sends internal users\' messages through the people, not an outside sender', () => {
    const spec = specOf({ traffic: `
  messages: [{ at: 1m, from: alice@contoso.example, to: [bob@contoso.example] }]` });
    expect(spec.people?.messages.map((m) => m.message.from)).toEqual(['alice@contoso.example']);
    expect(spec.senders[0]!.traffic.messages).toEqual([]);
  });
});
