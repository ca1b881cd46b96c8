// A bounded local flood: 600 concurrent raw connections against a listener capped at 256. The ones over the cap
// get 421 and are closed, the server keeps serving, and ordinary pooled traffic afterwards gets through with the
// ledger consistent (every check passes).
import { describe, expect, it } from 'vitest';
import { poolTo, portOf, serveTestWorld } from './wire-fixtures.js';
import { rawSmtp } from './raw-smtp.js';

const FLOOD = 600;
const CAP = 256;
const MESSAGES = 40;

describe('flood', () => {
  it(`${FLOOD} concurrent connections, then ${MESSAGES} messages: all delivered, every check passes`, async () => {
    const session = await serveTestWorld({ maxClients: CAP, idleTimeoutMs: 20_000 });
    try {
      const port = portOf(session);
      const flood = await Promise.all(Array.from({ length: FLOOD }, () => rawSmtp(port)));
      const greetings = await Promise.all(flood.map((c) => c.reply()));
      const refused = greetings.filter((g) => g === null || g.startsWith('421')).length;
      expect(greetings.filter((g) => g?.startsWith('220')).length).toBeLessThanOrEqual(CAP);
      expect(refused).toBeGreaterThanOrEqual(FLOOD - CAP);
      // Some flooders talk nonsense before they leave.
      await Promise.all(flood.slice(0, 50).map((c) => c.command('EHLO flood.example')));
      for (const c of flood) c.socket.destroy();
      await Promise.all(flood.map((c) => c.closed));

      const pool = poolTo(port);
      const sent = await Promise.all(Array.from({ length: MESSAGES }, (_, i) => pool.sendMail({
        from: 'carol@partner.example', to: i % 2 === 0 ? 'alice@contoso.example' : 'bob@contoso.example',
        subject: `after the flood ${i}`, text: 'x', messageId: `<after-flood-${i}@partner.example>`,
      })));
      pool.close();
      expect(sent.every((info) => info.accepted?.length === 1)).toBe(true);
    } finally {
      const outcome = await session.stop();
      expect(outcome.counts).toMatchObject({ sent: MESSAGES, accepted: MESSAGES, delivered: MESSAGES, lost: 0, duplicates: 0, pending: 0 });
      expect(outcome.checks.filter((c) => c.verdict !== c.expected)).toEqual([]);
    }
  });
});
