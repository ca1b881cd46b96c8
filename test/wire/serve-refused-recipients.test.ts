// `mailflow serve`: a recipient refused at RCPT TO is on the message's path. smtp-server's envelope keeps only the
// accepted recipients, so without the listener's note the ledger would never learn the author addressed anyone else;
// the client is told 550 and its MTA owes the author an NDR (X1), as the model's own outside senders record.
import { afterEach, describe, expect, it } from 'vitest';
import { exchangeScenario } from '../helpers/exchange-scenario.js';
import { startServe, type ServeSession } from '../../harness/run/serve-scenario.js';
import { portOf, poolTo } from './wire-fixtures.js';

let session: ServeSession | null = null;
afterEach(async () => {
  await session?.stop();
  session = null;
});

describe('serve: recipients refused at RCPT TO', () => {
  it('records the refusal and the NDR on the message delivered to the others, and only for the transaction that met it', async () => {
    session = await startServe(exchangeScenario({ drain: '1h' }), { smtpPort: 0, timeScale: 600 });
    const pool = poolTo(portOf(session));
    const info = await pool.sendMail({
      from: 'carol@partner.example', to: ['alice@contoso.example', 'Nobody@contoso.example'], subject: 'a', text: 'x', messageId: '<a@partner.example>',
    });
    expect(info.rejected).toEqual(['Nobody@contoso.example']);
    // A second transaction on the same pooled connection: the first one's refusal must not follow it.
    await pool.sendMail({ from: 'carol@partner.example', to: 'bob@contoso.example', subject: 'b', text: 'x', messageId: '<b@partner.example>' });
    pool.close();
    const outcome = await session.stop();
    session = null;

    const a = outcome.ledger.get('<a@partner.example>');
    const steps = a?.path.map((p) => `${p.step} ${p.detail}`) ?? [];
    expect(steps.find((s) => s.startsWith('submitted'))).toContain('nobody@contoso.example');
    expect(steps).toContainEqual(expect.stringMatching(/^smtp-attempt rcpt: nobody@contoso\.example: 550 5\.1\.1/));
    expect(steps).toContain('bounced refused for good for nobody@contoso.example (the client must tell its author: an MTA by an NDR, an app by an error)');
    expect(steps.some((s) => s.startsWith('delivered') && s.includes('alice@contoso.example'))).toBe(true);

    const b = outcome.ledger.get('<b@partner.example>');
    expect(b?.path.filter((p) => p.step === 'smtp-attempt' || p.step === 'bounced')).toEqual([]);
    expect(outcome.counts).toMatchObject({ sent: 2, accepted: 2, lost: 0, bounced: 1 });
  });

  it('records the NDR for a recipient refused for good even when DATA is deferred: the client bounces it at once', async () => {
    session = await startServe(exchangeScenario({ drain: '1h', faults: `
    - { at: 0s, verb: smtpFault, target: ex1, stage: end-of-data, code: 451 }` }), { smtpPort: 0, timeScale: 600 });
    const pool = poolTo(portOf(session));
    await expect(pool.sendMail({
      from: 'carol@partner.example', to: ['alice@contoso.example', 'nobody@contoso.example'], subject: 'c', text: 'x', messageId: '<c@partner.example>',
    })).rejects.toMatchObject({ responseCode: 451 });
    pool.close();
    const outcome = await session.stop();
    session = null;
    const steps = outcome.ledger.get('<c@partner.example>')?.path.map((p) => `${p.step} ${p.detail}`) ?? [];
    expect(steps).toContainEqual(expect.stringMatching(/^smtp-attempt rcpt: nobody@contoso\.example: 550 5\.1\.1/));
    expect(steps).toContain('bounced refused for good for nobody@contoso.example (the client must tell its author: an MTA by an NDR, an app by an error)');
    expect(steps).toContainEqual(expect.stringMatching(/^smtp-attempt end-of-data: 451/));
    expect(steps.filter((s) => s.startsWith('bounced'))).toHaveLength(1);
  });
});
