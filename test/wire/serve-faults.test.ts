// `mailflow serve` applies the scenario's fault schedule to real connections: refused while the server is down, a
// stage fault's 4xx at its stage (X1), and a 250 dropped after DATA (the message is taken; the client must resend).
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { exchangeScenario } from '../helpers/exchange-scenario.js';
import { startServe, type ServeSession } from '../../harness/run/serve-scenario.js';
import { portOf, poolTo } from './wire-fixtures.js';

let session: ServeSession | null = null;
afterEach(async () => {
  await session?.stop();
  session = null;
});

/** Resolves once the model's clock has passed `virtualMs`. */
async function until(virtualMs: number): Promise<void> {
  while ((session?.nowMs() ?? Infinity) < virtualMs) await new Promise((resolve) => setTimeout(resolve, 5));
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

const MINUTE = 60_000;

describe('serve: the fault schedule on real connections', () => {
  it('refuses connections while ex1 is down, answers 451 at MAIL FROM during a stage fault, drops a 250 after DATA', async () => {
    // 10 virtual minutes per wall second: each window lasts about 3 wall seconds, wide enough for a loaded machine.
    session = await startServe(exchangeScenario({
      drain: '1h',
      faults: `
    - { at: 3m, verb: down, target: ex1 }
    - { at: 30m, verb: up, target: ex1 }
    - { at: 40m, verb: smtpFault, target: ex1, stage: mail, code: 451 }
    - { at: 70m, verb: smtpFault, target: ex1, stage: end-of-data, dropReply: true }
    - { at: 100m, verb: clearSmtpFault, target: ex1 }`,
    }), { smtpPort: 0, timeScale: 600 });
    const port = portOf(session);
    expect(await connects(port)).toBe(true);
    await until(4 * MINUTE);
    expect(await connects(port)).toBe(false);
    await until(41 * MINUTE);
    const pool = poolTo(port);
    await expect(pool.sendMail({ from: 'carol@partner.example', to: 'alice@contoso.example', subject: 'a', text: 'x', messageId: '<a@partner.example>' }))
      .rejects.toMatchObject({ responseCode: 451 });
    await until(71 * MINUTE);
    await expect(pool.sendMail({ from: 'carol@partner.example', to: 'bob@contoso.example', subject: 'b', text: 'x', messageId: '<b@partner.example>' }))
      .rejects.toThrow();
    await until(101 * MINUTE);
    await pool.sendMail({ from: 'carol@partner.example', to: 'bob@contoso.example', subject: 'b', text: 'x', messageId: '<b@partner.example>' });
    pool.close();
    const outcome = await session.stop();
    session = null;
    // <a> was refused for now (its client would retry later), <b> was taken twice: one message, two placements.
    expect(outcome.ledger.get('<a@partner.example>')).toBeUndefined();
    const b = outcome.ledger.get('<b@partner.example>');
    expect(b?.path.map((p) => p.step)).toContain('accepted');
    expect(b?.path.filter((p) => p.step === 'smtp-attempt').map((p) => p.detail)).toEqual(['end-of-data: no reply after DATA (connection lost)']);
    expect(outcome.counts).toMatchObject({ sent: 1, accepted: 1, lost: 0 });
  });
});
