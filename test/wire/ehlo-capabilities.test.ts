// What a client learns from EHLO, over a real socket: Exchange's ENHANCEDSTATUSCODES with an enhanced code on every
// reply after it (RFC 2034; the model's own once, never doubled by smtp-server's), and no SMTPUTF8 (on-premises
// Exchange 2010-2019 does not offer it), DSN, STARTTLS or AUTH unless asked for (docs/wire.md).
import { afterEach, describe, expect, it } from 'vitest';
import type { ServeSession } from '../../harness/run/serve-scenario.js';
import { portOf, serveTestWorld } from './wire-fixtures.js';
import { rawSmtp } from './raw-smtp.js';

let session: ServeSession | null = null;
afterEach(async () => {
  await session?.stop();
  session = null;
});

/** The capability lines of an EHLO reply, without the greeting line. */
const capabilities = (reply: string | null) => (reply ?? '').split(/\r?\n/).slice(1).map((l) => l.slice(4));

describe('EHLO and status codes', () => {
  it('announces PIPELINING, 8BITMIME, ENHANCEDSTATUSCODES and SIZE, and nothing else without --auth', async () => {
    session = await serveTestWorld();
    const smtp = await rawSmtp(portOf(session));
    expect(await smtp.reply()).toMatch(/^220 /);
    expect(capabilities(await smtp.command('EHLO client.example'))).toEqual(['PIPELINING', '8BITMIME', 'ENHANCEDSTATUSCODES', 'SIZE 37748736']);
    smtp.socket.end('QUIT\r\n');
  });

  it('adds AUTH PLAIN LOGIN with --auth (cleartext: no certificate given)', async () => {
    session = await serveTestWorld({ auth: { user: 'crm', password: 's3cret' } });
    const smtp = await rawSmtp(portOf(session));
    await smtp.reply();
    expect(capabilities(await smtp.command('EHLO client.example'))).toContain('AUTH PLAIN LOGIN');
    smtp.socket.end('QUIT\r\n');
  });

  it('puts one enhanced code on every reply: the model\'s as it is, smtp-server\'s own on the rest', async () => {
    session = await serveTestWorld();
    const smtp = await rawSmtp(portOf(session));
    await smtp.reply();
    await smtp.command('EHLO client.example');
    expect(await smtp.command('DATA')).toBe('503 5.5.1 Error: need RCPT command');
    expect(await smtp.command('MAIL FROM:<carol@partner.example>')).toBe('250 2.1.0 Accepted');
    expect(await smtp.command('RCPT TO:<someone@elsewhere.example>')).toBe('550 5.7.1 Unable to relay');
    expect(await smtp.command('RCPT TO:<ghost@contoso.example>')).toBe('550 5.1.1 User unknown');
    expect(await smtp.command('RCPT TO:<alice@contoso.example>')).toBe('250 2.1.5 Accepted');
    expect(await smtp.command('DATA')).toMatch(/^354 /);
    expect(await smtp.command('Subject: codes\r\nMessage-ID: <codes@partner.example>\r\n\r\nx\r\n.')).toBe('250 2.6.0 Queued mail for delivery');
    expect(await smtp.command('MAIL FROM:<carol@partner.example> SIZE=99999999')).toBe('552 5.3.4 Error: message exceeds fixed maximum message size 37748736');
    expect(await smtp.command('QUIT')).toBe('221 2.0.0 Bye');
    await smtp.closed;
  });

  it('says the idle timeout with one too (421 4.4.2)', async () => {
    session = await serveTestWorld({ idleTimeoutMs: 300 });
    const smtp = await rawSmtp(portOf(session));
    await smtp.reply();
    await smtp.command('EHLO client.example');
    expect(await smtp.reply()).toBe('421 4.4.2 Timeout - closing connection');
    await smtp.closed;
  });
});
