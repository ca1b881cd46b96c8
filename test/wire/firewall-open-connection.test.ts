// `stopInbound` on the wire closes the firewall for connections already open too (X4): a pooled client that connected
// before it gets its next message dropped, never half-taken, and the ledger never hears of that message; after
// `startInbound` the same client delivers it.
import { afterEach, describe, expect, it } from 'vitest';
import { exchangeScenario } from '../helpers/exchange-scenario.js';
import { startServe, type ServeSession } from '../../harness/run/serve-scenario.js';
import { portOf, poolTo } from './wire-fixtures.js';
import { waitUntil } from '../helpers/wait-until.js';

let session: ServeSession | null = null;
afterEach(async () => {
  await session?.stop();
  session = null;
});

const MINUTE = 60_000;

describe('serve: the firewall on open connections', () => {
  it('drops a pooled connection opened before stopInbound, and delivers after startInbound', async () => {
    // 10 virtual minutes per wall second: the firewall is closed for about 3 wall seconds.
    const serve = await startServe(exchangeScenario({
      drain: '1h',
      faults: `
    - { at: 10m, verb: stopInbound, target: ex1 }
    - { at: 40m, verb: startInbound, target: ex1 }`,
    }), { smtpPort: 0, timeScale: 600 });
    session = serve;
    const pool = poolTo(portOf(serve));
    await pool.sendMail({ from: 'carol@partner.example', to: 'alice@contoso.example', subject: 'before', text: 'x', messageId: '<before@partner.example>' });
    await waitUntil('the firewall closed', () => serve.nowMs() >= 11 * MINUTE);
    await expect(pool.sendMail({ from: 'carol@partner.example', to: 'bob@contoso.example', subject: 'during', text: 'x', messageId: '<during@partner.example>' }))
      .rejects.toThrow();
    await waitUntil('the firewall open again', () => serve.nowMs() >= 41 * MINUTE);
    await pool.sendMail({ from: 'carol@partner.example', to: 'bob@contoso.example', subject: 'during', text: 'x', messageId: '<during@partner.example>' });
    pool.close();
    const outcome = await serve.stop();
    session = null;
    const during = outcome.ledger.get('<during@partner.example>');
    // One acceptance, after the firewall opened: the dropped attempt left no trace of a message taken.
    expect(during?.firstAcceptedAtMs).toBeGreaterThanOrEqual(40 * MINUTE);
    expect(during?.path.filter((p) => p.step === 'smtp-attempt')).toEqual([]);
    expect(outcome.counts).toMatchObject({ sent: 2, accepted: 2, lost: 0, duplicates: 0 });
  });
});
