// Transport by SMTP stage: unknown recipient 550 5.1.1, relaying 550 5.7.1, oversize 552, and the Message-ID stamp.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { exchangeScenario, itemsOf } from '../../helpers/exchange-scenario.js';

const steps = (run: ReturnType<typeof runScenario>, key: string) => run.ledger.get(key)!.path.map((s) => `${s.step} ${s.detail}`);

describe('Exchange transport', () => {
  it('refuses an unknown recipient with 550 5.1.1 and the sender returns an NDR', () => {
    const run = runScenario(exchangeScenario({ traffic: `
  messages: [{ at: 1m, from: dana@partner.example, to: [nobody@contoso.example], messageId: "<m1@partner.example>" }]` }));
    // The refusal once, with the recipient it refused (not again as the transaction's reply).
    expect(steps(run, '<m1@partner.example>').filter((s) => s.startsWith('smtp-attempt'))).toEqual(['smtp-attempt rcpt: nobody@contoso.example: 550 5.1.1 User unknown']);
    expect(run.counts).toMatchObject({ sent: 1, accepted: 0, bounced: 1, lost: 0 });
  });

  it('refuses relaying to an outside domain without authentication with 550 5.7.1, and takes the valid recipients', () => {
    const run = runScenario(exchangeScenario({ traffic: `
  messages: [{ at: 1m, from: dana@partner.example, to: [alice@contoso.example, eve@elsewhere.example], messageId: "<m1@partner.example>" }]` }));
    expect(steps(run, '<m1@partner.example>')).toContain('smtp-attempt rcpt: eve@elsewhere.example: 550 5.7.1 Unable to relay');
    expect(run.ledger.get('<m1@partner.example>')!.acceptedMailboxes).toEqual(['alice@contoso.example']);
    expect(run.counts).toMatchObject({ accepted: 1, delivered: 1, bounced: 1 });
  });

  it('refuses a message over the size limit with 552 at end of data', () => {
    const run = runScenario(exchangeScenario({ settings: '{ maxMessageSize: 10MB }', traffic: `
  messages: [{ at: 1m, from: dana@partner.example, to: [alice@contoso.example], size: 11MB, messageId: "<big@partner.example>" }]` }));
    expect(steps(run, '<big@partner.example>')).toContain('smtp-attempt end-of-data: 552 5.3.4 Message size exceeds fixed maximum message size');
    expect(run.counts).toMatchObject({ accepted: 0, bounced: 1 });
  });

  it('stamps a missing Message-ID once, so every copy (and the forwarded attachment) shares it', () => {
    const scenario = exchangeScenario({
      rules: '[{ action: forward-as-attachment, to: crm@contoso.example }]',
      traffic: `
  messages: [{ at: 1m, from: dana@partner.example, to: [alice@contoso.example, bob@contoso.example], messageId: null }]`,
    });
    const ids = itemsOf(scenario).map((i) => i.attachedMessageId ?? i.messageId);
    expect(ids).toHaveLength(4); // alice, bob, and two forwarded copies
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^<\d+\.ex1@contoso\.example>$/);
  });

  it('leaves mail without a Message-ID alone when stamping is off (the field reports of duplicates)', () => {
    const scenario = exchangeScenario({
      settings: '{ assignMessageId: false }',
      traffic: `
  messages: [{ at: 1m, from: dana@partner.example, to: [alice@contoso.example, bob@contoso.example], messageId: null }]`,
    });
    expect(itemsOf(scenario).map((i) => i.messageId)).toEqual([null, null]);
  });
});
