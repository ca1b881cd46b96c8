// The fake Exchange's listener is safe to point real software at: loopback only, no open relay, size and line
// limits, bare LF/CR refused so `<LF>.<LF>` smuggling yields one refused message and never two, optional AUTH, idle
// timeouts. Every test binds 127.0.0.1 on a free port (port 0).
import { afterEach, describe, expect, it } from 'vitest';
import type { ServeSession } from '../../harness/run/serve-scenario.js';
import { poolTo, portOf, serveTestWorld } from './wire-fixtures.js';
import { rawSmtp, type RawSmtp } from './raw-smtp.js';

let session: ServeSession | null = null;
afterEach(async () => {
  await session?.stop();
  session = null;
});

async function serve(...args: Parameters<typeof serveTestWorld>): Promise<number> {
  session = await serveTestWorld(...args);
  return portOf(session);
}

/** Greeting, EHLO, MAIL FROM and RCPT TO alice, DATA: ready for the message bytes. */
async function openData(port: number): Promise<RawSmtp> {
  const smtp = await rawSmtp(port);
  expect(await smtp.reply()).toMatch(/^220 /);
  expect(await smtp.command('EHLO tester.example')).toMatch(/^250/);
  expect(await smtp.command('MAIL FROM:<carol@partner.example>')).toMatch(/^250/);
  expect(await smtp.command('RCPT TO:<alice@contoso.example>')).toMatch(/^250/);
  expect(await smtp.command('DATA')).toMatch(/^354/);
  return smtp;
}

describe('the wire listener', () => {
  it('binds loopback by default and refuses to relay (550 5.7.1) or to take unknown recipients (550 5.1.1)', async () => {
    const port = await serve();
    expect(session?.listeners[0]?.host).toBe('127.0.0.1');
    const pool = poolTo(port);
    await expect(pool.sendMail({ from: 'carol@partner.example', to: 'someone@elsewhere.example', subject: 'relay?', text: 'x' }))
      .rejects.toMatchObject({ responseCode: 550, response: expect.stringContaining('5.7.1') });
    await expect(pool.sendMail({ from: 'carol@partner.example', to: 'ghost@contoso.example', subject: 'who?', text: 'x' }))
      .rejects.toMatchObject({ responseCode: 550, response: expect.stringContaining('5.1.1') });
    pool.close();
    const outcome = await session!.stop();
    session = null;
    expect(outcome.counts.accepted).toBe(0);
  });

  it('refuses a message over the size limit with 552 and a line over 998 octets', async () => {
    const port = await serve({ maxMessageBytes: 10_000 });
    const pool = poolTo(port);
    // Refused after DATA in Exchange's words, not smtp-server's (`552 5.3.4 Error: message exceeds ...`).
    await expect(pool.sendMail({ from: 'carol@partner.example', to: 'alice@contoso.example', subject: 'big', text: 'y'.repeat(20_000) }))
      .rejects.toMatchObject({ responseCode: 552, response: expect.stringMatching(/^552 5\.3\.4 Message size exceeds/) });
    pool.close();
    const smtp = await openData(port);
    smtp.write(`Subject: long\r\nMessage-ID: <long@partner.example>\r\n\r\n${'z'.repeat(2_000)}\r\n.\r\n`);
    expect(await smtp.reply()).toMatch(/^552 5\.3\.4 Line longer than 998 octets/);
    const outcome = await session!.stop();
    session = null;
    expect(outcome.counts.accepted).toBe(0);
  });

  for (const [name, terminator] of [['<LF>.<LF>', '\n.\n'], ['<CR><LF>.<LF>', '\r\n.\n'], ['<LF>.<CR><LF>', '\n.\r\n'], ['<CR>.<CR>', '\r.\r']] as const) {
    it(`never splits a ${name} smuggling payload into two messages (RFC 5321 2.3.8: the whole message is refused)`, async () => {
      const port = await serve();
      const smtp = await openData(port);
      smtp.write(`Subject: first\r\nMessage-ID: <first@partner.example>\r\n\r\nhello${terminator}`
        + 'MAIL FROM:<evil@partner.example>\r\nRCPT TO:<bob@contoso.example>\r\nDATA\r\nSubject: smuggled\r\nMessage-ID: <smuggled@partner.example>\r\n\r\nsmuggled\r\n.\r\n');
      expect(await smtp.reply()).toMatch(/^554 5\.6\.0 Bare LF or CR/);
      // The smuggled commands were message data: the next reply answers the next command.
      expect(await smtp.command('NOOP')).toMatch(/^250/);
      smtp.socket.end('QUIT\r\n');
      const outcome = await session!.stop();
      session = null;
      expect(outcome.ledger.get('<smuggled@partner.example>')).toBeUndefined();
      expect(outcome.counts.accepted).toBe(0);
    });
  }

  it('takes a clean message sent over a raw socket exactly once', async () => {
    const port = await serve();
    const smtp = await openData(port);
    smtp.write('Subject: clean\r\nMessage-ID: <clean@partner.example>\r\nFrom: carol@partner.example\r\nTo: alice@contoso.example\r\n\r\n..leading dot\r\nbody\r\n.\r\n');
    expect(await smtp.reply()).toMatch(/^250/);
    const outcome = await session!.stop();
    session = null;
    expect(outcome.counts).toMatchObject({ sent: 1, accepted: 1, delivered: 1, lost: 0 });
  });

  it('offers AUTH only when configured: a good login may relay, a bad one gets 535', async () => {
    const port = await serve({ auth: { user: 'crm', password: 's3cret' } });
    const smtp = await rawSmtp(port);
    await smtp.reply();
    expect(await smtp.command('EHLO tester.example')).toMatch(/AUTH PLAIN LOGIN/);
    smtp.socket.destroy();
    const bad = poolTo(port, { user: 'crm', pass: 'wrong' });
    await expect(bad.sendMail({ from: 'crm@contoso.example', to: 'x@elsewhere.example', subject: 's', text: 'x' })).rejects.toMatchObject({ responseCode: 535 });
    bad.close();
    const good = poolTo(port, { user: 'crm', pass: 's3cret' });
    const info = await good.sendMail({ from: 'alice@contoso.example', to: 'x@elsewhere.example', subject: 'relayed', text: 'x', messageId: '<relayed@contoso.example>' });
    expect(info.accepted).toEqual(['x@elsewhere.example']);
    good.close();

    const plain = await serveTwice();
    const ehlo = await rawSmtp(plain);
    await ehlo.reply();
    expect(await ehlo.command('EHLO tester.example')).not.toMatch(/AUTH/);
    ehlo.socket.destroy();
  });

  it('closes an idle connection after the idle timeout', async () => {
    const port = await serve({ idleTimeoutMs: 300 });
    const smtp = await rawSmtp(port);
    expect(await smtp.reply()).toMatch(/^220/);
    expect(await smtp.reply()).toMatch(/^421/);
    await smtp.closed;
  });
});

/** A second, default session (no AUTH) after the first is stopped. */
async function serveTwice(): Promise<number> {
  await session?.stop();
  return serve();
}
