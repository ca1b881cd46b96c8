// A serve session lets a test read what its own SMTP code delivered, as the fake Exchange holds it (the engineer
// review: there was no way to check that a non-ASCII subject or a large attachment arrived intact).
import { afterEach, describe, expect, it } from 'vitest';
import { exchangeScenario } from '../helpers/exchange-scenario.js';
import { startServe, type ServeSession } from '../../harness/run/serve-scenario.js';
import { portOf, poolTo } from './wire-fixtures.js';

let session: ServeSession | null = null;
afterEach(async () => {
  await session?.stop();
  session = null;
});

describe('serve: reading a mailbox back', () => {
  it('gives each delivered message as the model read it: subject decoded, sender, recipients, Message-ID, size', async () => {
    session = await startServe(exchangeScenario({ drain: '1h' }), { smtpPort: 0, timeScale: 600 });
    const to = 'alice@contoso.example';
    expect(session.mailbox(to)).toEqual([]);
    const pool = poolTo(portOf(session));
    const attachment = Buffer.alloc(200_000, 'x');
    await pool.sendMail({
      from: 'carol@fabrikam.example', to, cc: 'bob@contoso.example', subject: 'Rückfrage zu Angebot №42 — 日本語', text: 'hello',
      messageId: '<quote-42@fabrikam.example>', attachments: [{ filename: 'big.bin', content: attachment }],
      headers: { 'X-Ticket': 'T-7' },
    });
    pool.close();
    const items = session.mailbox(to);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      folder: 'Inbox', messageId: '<quote-42@fabrikam.example>', from: 'carol@fabrikam.example', to: [to], cc: ['bob@contoso.example'],
      subject: 'Rückfrage zu Angebot №42 — 日本語', read: false,
    });
    // The attachment travelled base64-encoded: its size is counted, the body not kept.
    expect(items[0]?.sizeBytes).toBeGreaterThan(attachment.length);
    expect(items[0]?.headers).toEqual({ 'X-Ticket': 'T-7' });
    expect(session.mailbox('nobody@contoso.example')).toEqual([]);
  });
});
