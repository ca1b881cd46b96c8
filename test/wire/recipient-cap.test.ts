// The listener's recipient cap is answered by its own RCPT hook, so the recipient it refuses is recorded as any other
// RCPT refusal is (docs/wire.md): before, smtp-server's 452 came before the hook and the recipient vanished from the
// ledger, so a client that ignores partial refusals lost it and the session passed. RFC 5321 4.5.3.1.10.
import { afterEach, describe, expect, it } from 'vitest';
import type { ServeSession } from '../../harness/run/serve-scenario.js';
import { replyOverRecipientCap } from '../../fakes/wire/recipient-cap.js';
import { poolTo, portOf, serveTestWorld } from './wire-fixtures.js';
import { rawSmtp } from './raw-smtp.js';

let session: ServeSession | null = null;
afterEach(async () => {
  await session?.stop();
  session = null;
});

describe('the recipient cap (limits.maxRecipients)', () => {
  it('refuses the recipient past the cap with 452 4.5.3 and records it on the message, refused at rcpt', async () => {
    session = await serveTestWorld({ maxRecipients: 2 });
    const pool = poolTo(portOf(session));
    const info = await pool.sendMail({
      from: 'carol@partner.example', to: ['alice@contoso.example', 'bob@contoso.example', 'crm@contoso.example'],
      subject: 'three', text: 'x', messageId: '<three@partner.example>',
    });
    // What a client that ignores partial refusals never looks at.
    expect(info.accepted).toEqual(['alice@contoso.example', 'bob@contoso.example']);
    expect(info.rejected).toEqual(['crm@contoso.example']);
    pool.close();
    const outcome = await session.stop();
    session = null;

    const steps = outcome.ledger.get('<three@partner.example>')?.path.map((p) => `${p.step} ${p.detail}`) ?? [];
    expect(steps.find((s) => s.startsWith('submitted'))).toContain('crm@contoso.example');
    expect(steps).toContain('smtp-attempt rcpt: crm@contoso.example: 452 4.5.3 Too many recipients');
    // A 4xx at RCPT is the client's to retry: no NDR.
    expect(steps.filter((s) => s.startsWith('bounced'))).toEqual([]);
    expect(outcome.counts).toMatchObject({ sent: 1, accepted: 1, bounced: 0 });
  });

  it('answers over a raw socket in Exchange\'s words, and takes an accepted recipient named again at the cap', async () => {
    session = await serveTestWorld({ maxRecipients: 1 });
    const smtp = await rawSmtp(portOf(session));
    expect(await smtp.reply()).toMatch(/^220 /);
    expect(await smtp.command('EHLO tester.example')).toMatch(/^250/);
    expect(await smtp.command('MAIL FROM:<carol@partner.example>')).toMatch(/^250/);
    expect(await smtp.command('RCPT TO:<alice@contoso.example>')).toMatch(/^250/);
    expect(await smtp.command('RCPT TO:<bob@contoso.example>')).toBe('452 4.5.3 Too many recipients');
    expect(await smtp.command('RCPT TO:<Alice@Contoso.example>')).toMatch(/^250/);
    smtp.socket.end('QUIT\r\n');
    await smtp.closed;
  });

  it('counts as smtp-server did: under the cap, or a recipient already accepted, passes', () => {
    const accepted = [{ address: 'alice@contoso.example' }, { address: 'bob@contoso.example' }];
    expect(replyOverRecipientCap(accepted, 'carol@contoso.example', 3)).toBeNull();
    expect(replyOverRecipientCap(accepted, 'BOB@contoso.example', 2)).toBeNull();
    expect(replyOverRecipientCap(accepted, 'carol@contoso.example', 2)).toEqual({ code: 452, enhanced: '4.5.3', text: 'Too many recipients' });
  });
});
