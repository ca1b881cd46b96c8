// `serve --expect-messages N`: a message a client gave up on before DATA leaves no trace in the model, so a mailer
// that drops mail in an outage used to get PASS. With the count declared, the session fails and says how many.
import { afterEach, describe, expect, it } from 'vitest';
import { exchangeScenario } from '../helpers/exchange-scenario.js';
import { startServe, type ServeSession } from '../../harness/run/serve-scenario.js';
import { CLIENT_MESSAGES } from '../../harness/run/client-messages.js';
import { portOf, poolTo } from './wire-fixtures.js';
import { rawWithoutMessageId } from '../../fakes/wire/mime-message.js';

let session: ServeSession | null = null;
afterEach(async () => {
  await session?.stop();
  session = null;
});

async function serveAndSend(expectMessages: number): Promise<Awaited<ReturnType<ServeSession['stop']>>> {
  session = await startServe(exchangeScenario({ drain: '1h' }), { smtpPort: 0, timeScale: 600, expectMessages });
  const pool = poolTo(portOf(session));
  await pool.sendMail({ from: 'carol@partner.example', to: 'alice@contoso.example', subject: 'kept', text: 'x', messageId: '<kept@partner.example>' });
  // Every recipient refused at RCPT: the client gives up before DATA, and nothing of it reaches the model.
  await expect(pool.sendMail({ from: 'carol@partner.example', to: 'nobody@contoso.example', subject: 'dropped', text: 'x', messageId: '<dropped@partner.example>' }))
    .rejects.toMatchObject({ responseCode: 550 });
  // The first one again (a resend): still one message.
  await pool.sendMail({ from: 'carol@partner.example', to: 'alice@contoso.example', subject: 'kept', text: 'x', messageId: '<kept@partner.example>' });
  pool.close();
  const outcome = await session.stop();
  session = null;
  return outcome;
}

describe('serve --expect-messages', () => {
  it('fails the session when fewer of the clients\' messages were accepted, counting a resend once', async () => {
    const outcome = await serveAndSend(2);
    expect(outcome.counts.sent).toBe(1);
    expect(outcome.expectations.find((e) => e.name === CLIENT_MESSAGES)).toMatchObject({ verdict: 'fail', expected: '>= 2', actual: 1 });
    expect(outcome.verdict).toBe('fail');
  });

  it('passes when as many were accepted', async () => {
    const outcome = await serveAndSend(1);
    expect(outcome.expectations.find((e) => e.name === CLIENT_MESSAGES)).toMatchObject({ verdict: 'pass', actual: 1 });
    expect(outcome.verdict).toBe('pass');
  });

  it('counts a client\'s resend after a lost 250 once: without a Message-ID it is a second message to Exchange, but the same email', async () => {
    const MINUTE = 60_000;
    // A reply lost after DATA from 1 to 60 virtual minutes (about 6 wall seconds at 600).
    const serving = await startServe(exchangeScenario({ drain: '1h', faults: `
    - { at: 1m, verb: smtpFault, target: ex1, stage: end-of-data, dropReply: true }
    - { at: 60m, verb: clearSmtpFault, target: ex1 }` }), { smtpPort: 0, timeScale: 600, expectMessages: 2 });
    session = serving;
    const pool = poolTo(portOf(serving));
    // One message, the same bytes both times, with no Message-ID (nodemailer would add one: sent raw).
    const envelope = { from: 'carol@partner.example', to: ['alice@contoso.example'] };
    const raw = await rawWithoutMessageId({ from: envelope.from, to: envelope.to, subject: 'no id', text: 'x' });
    await serving.waitForVirtualTime(2 * MINUTE);
    // Taken, and the connection closed without the 250: the client cannot know, and sends it again.
    await expect(pool.sendMail({ envelope, raw })).rejects.toThrow();
    await serving.waitForVirtualTime(61 * MINUTE);
    await pool.sendMail({ envelope, raw });
    pool.close();
    const outcome = await serving.stop();
    session = null;
    // Two messages to Exchange, which stamps each its own Message-ID and delivers both: alice has two copies. But the
    // second has the first's From, recipients, Subject and body after its 250 was lost: a resend, one email, so it
    // cannot make up for a second email that never arrived (docs/wire.md).
    expect(serving.mailbox('alice@contoso.example').filter((item) => item.subject === 'no id')).toHaveLength(2);
    expect(outcome.counts).toMatchObject({ sent: 2, accepted: 2 });
    const [first, resend] = [...outcome.ledger.messages()].filter((life) => life.fromWireClient);
    expect(resend?.resendOf).toBe(first?.messageId);
    expect(first?.resentAs).toEqual([resend?.messageId]);
    expect(outcome.expectations.find((e) => e.name === CLIENT_MESSAGES)).toMatchObject({ verdict: 'fail', expected: '>= 2', actual: 1 });
  });
});
