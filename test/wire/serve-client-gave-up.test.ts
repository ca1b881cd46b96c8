// `mailflow serve` and a client that gives up after a 4xx at the end of DATA (review F3): the session fails
// no-silent-drop, as the mail is lost, but says the client got the reply and did not send again (X1), rather than
// "dropped without a reason", which reads as a model's bug.
import { afterEach, describe, expect, it } from 'vitest';
import { startServe, type ServeSession } from '../../harness/run/serve-scenario.js';
import { exchangeScenario } from '../helpers/exchange-scenario.js';
import { portOf, poolTo } from './wire-fixtures.js';

let session: ServeSession | null = null;
afterEach(async () => {
  await session?.stop();
  session = null;
});

describe('serve: a client that gives up after a 451 at end-of-data', () => {
  it('fails no-silent-drop with the client\'s reply and stage, and passes once the client sends again', async () => {
    const serving = (session = await startServe(exchangeScenario({ drain: '1h', faults: `
    - { at: 0s, verb: smtpFault, target: ex1, stage: end-of-data, code: 451 }
    - { at: 20m, verb: clearSmtpFault, target: ex1 }` }), { smtpPort: 0, timeScale: 600 }));
    const pool = poolTo(portOf(serving));
    const mail = (id: string) => ({ from: 'carol@partner.example', to: 'alice@contoso.example', subject: id, text: 'x', messageId: `<${id}@partner.example>` });
    await expect(pool.sendMail(mail('gave-up'))).rejects.toMatchObject({ responseCode: 451 });
    await expect(pool.sendMail(mail('retried'))).rejects.toMatchObject({ responseCode: 451 });
    await serving.waitForVirtualTime(21 * 60_000);
    await pool.sendMail(mail('retried'));
    pool.close();
    const outcome = await serving.stop();
    session = null;
    const check = outcome.checks.find((c) => c.name === 'no-silent-drop');
    expect(check?.verdict).toBe('fail');
    expect(check?.offenders.map((o) => o.messageId)).toEqual(['<gave-up@partner.example>']);
    expect(check?.offenders[0]?.detail).toMatch(/^your SMTP client got 451 .* at end-of-data and did not send it again: mail lost by the client/);
    expect(check?.summary).toContain('a wire client gave up on after a refusal');
  });
});
