// Inbox rules (R1, R2): forward as attachment keeps the original inside, redirect keeps the message, an inline forward
// is a new message; rules deploy to all users or some; copies made by rules are never forwarded again.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { exchangeScenario, itemsOf } from '../../helpers/exchange-scenario.js';

const ONE_MESSAGE = `
  messages: [{ at: 1m, from: dana@partner.example, to: [alice@contoso.example], messageId: "<m1@partner.example>" }]`;

describe('inbox rules', () => {
  it('forwards as attachment to the forward mailbox, keeping the original Message-ID inside (R2)', () => {
    const scenario = exchangeScenario({ rules: '[{ action: forward-as-attachment, to: crm@contoso.example }]', traffic: ONE_MESSAGE });
    const items = itemsOf(scenario);
    const forwarded = items.find((i) => i.attachedMessageId !== undefined)!;
    expect(forwarded.attachedMessageId).toBe('<m1@partner.example>');
    expect(forwarded.messageId).not.toBe('<m1@partner.example>');
    expect(forwarded.key).toBe('<m1@partner.example>');
    const run = runScenario(scenario);
    const placements = run.ledger.get('<m1@partner.example>')!.placements.map((p) => `${p.mailbox} ${p.mailboxKind}`);
    expect(placements).toEqual(['alice@contoso.example user', 'crm@contoso.example forward']);
    expect(run.counts.delivered).toBe(1); // forward-mailbox copies are not deliveries
  });

  it('deploys rules only to the users listed (the global-deployment option)', () => {
    const scenario = exchangeScenario({
      rules: '[{ action: forward-as-attachment, to: crm@contoso.example, users: [bob@contoso.example] }]',
      traffic: `
  messages:
    - { at: 1m, from: dana@partner.example, to: [alice@contoso.example], messageId: "<a@partner.example>" }
    - { at: 2m, from: dana@partner.example, to: [bob@contoso.example], messageId: "<b@partner.example>" }`,
    });
    const forwardedKeys = itemsOf(scenario).filter((i) => i.attachedMessageId !== undefined).map((i) => i.key);
    expect(forwardedKeys).toEqual(['<b@partner.example>']);
  });

  it('redirects the same message, and forwards inline as a new message from the user', () => {
    const redirect = runScenario(exchangeScenario({ rules: '[{ action: redirect, to: bob@contoso.example, users: [alice@contoso.example] }]', traffic: ONE_MESSAGE }));
    expect(redirect.ledger.get('<m1@partner.example>')!.placements.map((p) => p.mailbox)).toEqual(['alice@contoso.example', 'bob@contoso.example']);
    const inline = runScenario(exchangeScenario({ rules: '[{ action: forward, to: bob@contoso.example, users: [alice@contoso.example] }]', traffic: ONE_MESSAGE }));
    const lives = [...inline.ledger.messages()];
    expect(lives).toHaveLength(2);
    expect(lives[1]!.path[0]).toMatchObject({ step: 'submitted', detail: 'from alice@contoso.example to bob@contoso.example' });
    expect(lives[1]!.placements.map((p) => p.mailbox)).toEqual(['bob@contoso.example']);
    expect(inline.counts).toMatchObject({ sent: 2, lost: 0 });
  });

  it('never forwards a copy made by a rule again, so two users forwarding to each other do not loop', () => {
    const run = runScenario(exchangeScenario({
      rules: `
    - { action: redirect, to: bob@contoso.example, users: [alice@contoso.example] }
    - { action: redirect, to: alice@contoso.example, users: [bob@contoso.example] }`,
      traffic: ONE_MESSAGE,
    }));
    expect(run.ledger.get('<m1@partner.example>')!.placements.map((p) => p.mailbox)).toEqual(['alice@contoso.example', 'bob@contoso.example']);
    expect(run.counts.pending).toBe(0);
  });
});
