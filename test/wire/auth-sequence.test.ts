// AUTH inside a mail transaction (after MAIL FROM) is refused 503 (RFC 4954 section 4): smtp-server took it (235), so
// a transaction begun unauthenticated could go on to relay. After RSET the same credentials log in, and the refusal is
// not counted among the failed attempts that close a connection.
import { afterEach, describe, expect, it } from 'vitest';
import type { ServeSession } from '../../harness/run/serve-scenario.js';
import { portOf, serveTestWorld } from './wire-fixtures.js';
import { rawSmtp } from './raw-smtp.js';

let session: ServeSession | null = null;
afterEach(async () => {
  await session?.stop();
  session = null;
});

const plain = (user: string, password: string) => `AUTH PLAIN ${Buffer.from(`\0${user}\0${password}`).toString('base64')}`;

describe('AUTH and the mail transaction', () => {
  it('refuses AUTH after MAIL FROM with 503 5.5.1, and takes it after RSET', async () => {
    session = await serveTestWorld({ auth: { user: 'crm', password: 's3cret' }, maxAuthFailures: 1 });
    const smtp = await rawSmtp(portOf(session));
    expect(await smtp.reply()).toMatch(/^220 /);
    expect(await smtp.command('EHLO client.example')).toMatch(/AUTH PLAIN LOGIN/);
    expect(await smtp.command('MAIL FROM:<alice@contoso.example>')).toMatch(/^250/);
    expect(await smtp.command('RCPT TO:<someone@elsewhere.example>')).toMatch(/^550 5\.7\.1/);
    // Right credentials, wrong moment; with maxAuthFailures 1 a counted failure would have closed the connection.
    expect(await smtp.command(plain('crm', 's3cret'))).toMatch(/^503 5\.5\.1 Bad sequence of commands/);
    expect(await smtp.command('RCPT TO:<someone@elsewhere.example>')).toMatch(/^550 5\.7\.1/);
    expect(await smtp.command('RSET')).toMatch(/^250/);
    expect(await smtp.command(plain('crm', 's3cret'))).toMatch(/^235 /);
    expect(await smtp.command('MAIL FROM:<alice@contoso.example>')).toMatch(/^250/);
    expect(await smtp.command('RCPT TO:<someone@elsewhere.example>')).toMatch(/^250/);
    smtp.socket.end('QUIT\r\n');
    await smtp.closed;
  });
});
