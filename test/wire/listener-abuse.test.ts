// The listener bounds what one client can take: a session ends at a maximum length however busy it keeps the socket
// (a client trickling bytes inside DATA restarted the idle timeout forever, and 1,000 of them locked everyone out),
// and a connection that fails AUTH three times is closed (300 wrong passwords were each answered 535 at full speed).
// Real sockets against the real listener on 127.0.0.1; normal sending still works around both.
import { afterEach, describe, expect, it } from 'vitest';
import type { ServeSession } from '../../harness/run/serve-scenario.js';
import nodemailer from 'nodemailer';
import { DEFAULT_LIMITS, listenerLimitsProblems } from '../../fakes/wire/listener-limits.js';
import { poolTo, portOf, serveTestWorld } from './wire-fixtures.js';
import { rawSmtp } from './raw-smtp.js';

let session: ServeSession | null = null;
afterEach(async () => {
  await session?.stop();
  session = null;
});

async function serve(...args: Parameters<typeof serveTestWorld>): Promise<number> {
  session = await serveTestWorld(...args);
  return portOf(session);
}

const CRM = { user: 'crm', password: 's3cret' };
const plain = (user: string, password: string) => `AUTH PLAIN ${Buffer.from(`\0${user}\0${password}`).toString('base64')}`;
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('failed AUTH', () => {
  it('closes the connection at the third failure (421): the fourth attempt, right or wrong, is never answered', async () => {
    const port = await serve({ auth: CRM });
    const smtp = await rawSmtp(port);
    expect(await smtp.reply()).toMatch(/^220 /);
    expect(await smtp.command('EHLO guesser.example')).toMatch(/AUTH PLAIN LOGIN/);
    expect(await smtp.command(plain('crm', 'guess1'))).toBe('535 5.7.8 Authentication credentials invalid');
    // AUTH LOGIN failures count as well: the limit is on attempts, whatever the mechanism.
    expect(await smtp.command('AUTH LOGIN')).toMatch(/^334 /);
    expect(await smtp.command(b64('crm'))).toMatch(/^334 /);
    expect(await smtp.command(b64('guess2'))).toBe('535 5.7.8 Authentication credentials invalid');
    expect(await smtp.command(plain('crm', 'guess3'))).toBe('421 4.7.0 Too many failed authentication attempts (3), closing connection');
    await smtp.closed;
    expect(await smtp.command(plain('crm', 's3cret'))).toBeNull();

    // The limit is the connection's, not the client's: a new connection may log in, and relay as before.
    const good = poolTo(port, { user: 'crm', pass: 's3cret' });
    const info = await good.sendMail({ from: 'alice@contoso.example', to: 'x@elsewhere.example', subject: 'relayed', text: 'x', messageId: '<relayed@contoso.example>' });
    expect(info.accepted).toEqual(['x@elsewhere.example']);
    good.close();
  });

  it('lets a client that logs in after two failures carry on', async () => {
    const port = await serve({ auth: CRM });
    const smtp = await rawSmtp(port);
    await smtp.reply();
    await smtp.command('EHLO typo.example');
    expect(await smtp.command(plain('crm', 'typo'))).toMatch(/^535 /);
    expect(await smtp.command(plain('crm', 'typo again'))).toMatch(/^535 /);
    expect(await smtp.command(plain('crm', 's3cret'))).toMatch(/^235 /);
    expect(await smtp.command('MAIL FROM:<alice@contoso.example>')).toMatch(/^250/);
    smtp.socket.end('QUIT\r\n');
  });
});

describe('the session length', () => {
  it('ends a session past the maximum with 421, however busy the client keeps it (a trickle inside DATA)', async () => {
    const port = await serve({ maxSessionMs: 800 });
    const smtp = await rawSmtp(port);
    const opened = Date.now();
    expect(await smtp.reply()).toMatch(/^220 /);
    expect(await smtp.command('EHLO slow.example')).toMatch(/^250/);
    expect(await smtp.command('MAIL FROM:<carol@partner.example>')).toMatch(/^250/);
    expect(await smtp.command('RCPT TO:<alice@contoso.example>')).toMatch(/^250/);
    expect(await smtp.command('DATA')).toMatch(/^354/);
    smtp.write('Message-ID: <slow@partner.example>\r\n');
    // 8 bytes every 100 ms: the idle timeout (30 s) never comes near.
    const trickle = setInterval(() => smtp.write('X-a: b\r\n'), 100);
    try {
      // Bounded, so a listener without the limit fails here rather than at the test's own timeout.
      const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('(still open after 10 s)'), 10_000).unref());
      expect(await Promise.race([smtp.reply(), timeout])).toBe('421 4.4.2 Session longer than 800 ms, closing connection');
      await smtp.closed;
    } finally {
      clearInterval(trickle);
    }
    // Closed at the maximum, not at once and not at some other timeout.
    expect(Date.now() - opened).toBeGreaterThanOrEqual(800);
    expect(Date.now() - opened).toBeLessThan(10_000);
    const outcome = await session!.stop();
    session = null;
    expect(outcome.ledger.get('<slow@partner.example>')).toBeUndefined();
    expect(outcome.counts.accepted).toBe(0);
  });

  it('leaves a pooled client sending: the connection the maximum closed is replaced by a new one', async () => {
    const port = await serve({ maxSessionMs: 500 });
    let connections = 0;
    const pool = nodemailer.createTransport({
      pool: true, maxConnections: 4, maxMessages: Infinity, host: '127.0.0.1', port, secure: false, ignoreTLS: true,
      // Counts the connections the pool opens (false: nodemailer connects as usual).
      getSocket: (_options: unknown, callback: (error: Error | null, socket: false) => void) => { connections++; callback(null, false); },
    });
    await pool.sendMail({ from: 'carol@partner.example', to: 'alice@contoso.example', subject: 'one', text: 'x', messageId: '<one@partner.example>' });
    // Past the maximum: the pool's connection has been closed under it.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await pool.sendMail({ from: 'carol@partner.example', to: 'alice@contoso.example', subject: 'two', text: 'x', messageId: '<two@partner.example>' });
    pool.close();
    expect(connections).toBe(2);
    const outcome = await session!.stop();
    session = null;
    expect(outcome.counts).toMatchObject({ sent: 2, accepted: 2, delivered: 2, lost: 0 });
  });

  it('is 10 minutes unless told, a whole number of milliseconds like the other timeouts', () => {
    expect(DEFAULT_LIMITS).toMatchObject({ maxSessionMs: 600_000, maxAuthFailures: 3 });
    expect(listenerLimitsProblems({ maxSessionMs: 0, maxAuthFailures: 0 })).toEqual([
      'limits.maxSessionMs must be a whole number of milliseconds from 1 to 2,147,483,647, got 0',
      'limits.maxAuthFailures must be a whole number of attempts from 1 to 9,007,199,254,740,991, got 0',
    ]);
  });
});
