// `mailflow serve` and an app that retries `transporter.sendMail(sameOptions)` after losing the 250 (a `dropReply`
// fault): nodemailer draws a new Message-ID per call, so the fake Exchange takes one email as two messages and CRM,
// which de-duplicates by Message-ID only (S8), tracks both. The session must fail no-duplicate-activity and name both
// Message-IDs (review F1); the same app setting `messageId` itself is tracked once and passes.
import { afterEach, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { crmScenario } from '../helpers/crm-scenario.js';
import { startServe, type ServeSession } from '../../harness/run/serve-scenario.js';
import { CLIENT_MESSAGES } from '../../harness/run/client-messages.js';
import { portOf } from './wire-fixtures.js';
import { toRunJson } from '../../harness/cli/run-json.js';
import { formatSummary } from '../../harness/cli/print-summary.js';

let session: ServeSession | null = null;
afterEach(async () => {
  await session?.stop();
  session = null;
});

const MINUTE = 60_000;

/** Paul's mail tracked by server-side sync; the 250 after DATA is dropped from 1 to 30 virtual minutes (3 wall s). */
function serveDroppingReplies(): Promise<ServeSession> {
  return startServe(crmScenario({
    drain: '1h',
    users: '\n    - { address: paul@contoso.example, incoming: email-router, filter: all }\n    - { address: anna@contoso.example, incoming: none }',
    sss: '{ profiles: [{ name: exchange, server: ex1 }], enabled: all }',
    faults: `
    - { at: 0s, verb: switchToServerSideSync, target: crm }
    - { at: 1m, verb: smtpFault, target: ex1, stage: end-of-data, dropReply: true }
    - { at: 30m, verb: clearSmtpFault, target: ex1 }`,
  }), { smtpPort: 0, timeScale: 600, expectMessages: 1 });
}

/** The app: one transport, the same options for the retry, as nodemailer's users write it. */
async function sendAndRetry(serving: ServeSession, messageId?: string): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: portOf(serving), secure: false, ignoreTLS: true });
  const options = {
    from: 'app@fabrikam.example', to: 'paul@contoso.example', subject: 'Order 4711 confirmation',
    text: 'Thank you for your order.', html: '<p>Thank you for your order.</p>', ...(messageId === undefined ? {} : { messageId }),
  };
  await serving.waitForVirtualTime(2 * MINUTE);
  await expect(transport.sendMail(options)).rejects.toThrow(); // taken, and the 250 dropped
  await serving.waitForVirtualTime(31 * MINUTE);
  await transport.sendMail(options);
  transport.close();
}

describe('serve: an app mailer retrying after a lost 250', () => {
  it('fails no-duplicate-activity when the retry has a new Message-ID, naming both, and counts the email once', async () => {
    const serving = (session = await serveDroppingReplies());
    await sendAndRetry(serving);
    const outcome = await serving.stop();
    session = null;
    const clients = [...outcome.ledger.messages()].filter((life) => life.fromWireClient);
    expect(clients).toHaveLength(2);
    const [first, resend] = clients as [typeof clients[0], typeof clients[0]];
    expect(first.messageId).not.toBe(resend.messageId);
    expect(resend.resendOf).toBe(first.messageId);
    // CRM, like the model, tracks each Message-ID: per Message-ID no duplicate, so `duplicates` stays 0 (design.md).
    expect(first.activities).toHaveLength(1);
    expect(resend.activities).toHaveLength(1);
    expect(outcome.counts.duplicates).toBe(0);
    const check = outcome.checks.find((c) => c.name === 'no-duplicate-activity');
    expect(check?.verdict).toBe('fail');
    expect(check?.summary).toMatch(/^1 duplicate activity over 1 email a wire client sent again with a new Message-ID after a lost 250/);
    expect(check?.offenders).toHaveLength(1);
    const detail = check?.offenders[0]?.detail ?? '';
    expect(detail).toContain(first.messageId);
    expect(detail).toContain(resend.messageId);
    expect(detail).toContain('lost the 250 after DATA');
    expect(detail).toContain('S8');
    expect(outcome.expectations.find((e) => e.name === CLIENT_MESSAGES)).toMatchObject({ verdict: 'pass', actual: 1 });
    expect(outcome.verdict).toBe('fail');
    // The summary and --json say what the lost 250 did (review F4): one message taken unheard, one resend, one
    // extra copy in Paul's mailbox; a virtual run's JSON has no such section.
    const json = toRunJson(outcome, 'f.yaml', 0, 'wire');
    expect(json.wire).toEqual({
      replyLost: { count: 1, first: [first.messageId] },
      resentWithNewMessageId: { count: 1, first: [{ messageId: resend.messageId, resendOf: first.messageId }] },
      extraCopies: { count: 1, first: [{ messageId: first.messageId, mailbox: 'paul@contoso.example', copies: 2 }] },
      refusedForGood: 0,
    });
    expect(toRunJson(outcome, 'f.yaml', 0).wire).toBeUndefined();
    const summary = formatSummary(json);
    expect(summary).toContain(`  your SMTP clients (wire, docs/wire.md):\n    1 of your clients' messages taken although their 250 was lost (the client saw a failure; delivered): ${first.messageId}`);
    expect(summary).toContain(`1 extra mailbox copy from resends: ${first.messageId} 2x in paul@contoso.example`);
  });

  it('passes when the app keeps its Message-ID for the retry: one message, one activity', async () => {
    const serving = (session = await serveDroppingReplies());
    await sendAndRetry(serving, '<order-4711@fabrikam.example>');
    const outcome = await serving.stop();
    session = null;
    const life = outcome.ledger.get('<order-4711@fabrikam.example>');
    expect(life?.activities).toHaveLength(1);
    expect(life?.resentAs).toEqual([]);
    expect([...outcome.ledger.messages()].filter((l) => l.fromWireClient)).toHaveLength(1);
    expect(outcome.checks.find((c) => c.name === 'no-duplicate-activity')?.verdict).toBe('pass');
    expect(outcome.verdict).toBe('pass');
    // Paul still got the email twice (the server took it twice): one extra copy, no resend with a new Message-ID.
    expect(toRunJson(outcome, 'f.yaml', 0, 'wire').wire).toMatchObject({ replyLost: { count: 1 }, resentWithNewMessageId: { count: 0 }, extraCopies: { count: 1 } });
  });
});
