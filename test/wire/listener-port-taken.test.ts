// While the model has a server down its listener gives up its port; if another program takes the port meanwhile,
// the listener cannot come back: it stays closed without crashing, binds again once the port is free, and stopping
// the session ends cleanly.
import { connect, createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { exchangeScenario } from '../helpers/exchange-scenario.js';
import { startServe } from '../../harness/run/serve-scenario.js';
import { portOf } from './wire-fixtures.js';
import { waitUntil } from '../helpers/wait-until.js';

const MINUTE = 60_000;

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('serve: a port taken while the server is down', () => {
  it('stays closed without crashing and stops cleanly', async () => {
    const session = await startServe(exchangeScenario({
      drain: '1h',
      faults: `
    - { at: 3m, verb: down, target: ex1 }
    - { at: 20m, verb: up, target: ex1 }`,
    }), { smtpPort: 0, timeScale: 600 });
    const port = portOf(session);
    await waitUntil('ex1 down', () => session.nowMs() >= 4 * MINUTE);
    // The listener has let the port go (the model's server is down): another program binds it.
    const squatter = await waitForPort(port);
    await waitUntil('ex1 up again', () => session.nowMs() >= 22 * MINUTE);
    expect(await greets(port)).toBe(false);   // the squatter answers, not the fake Exchange
    await new Promise<void>((resolve) => squatter.close(() => resolve()));
    await waitUntil('the listener back on its port', () => session.nowMs() >= 25 * MINUTE);
    expect(await greets(port)).toBe(true);
    const outcome = await Promise.race([
      session.stop(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('stop() hung')), 10_000)),
    ]);
    expect(outcome.verdict).toBe('pass');
  }, 30_000);
});

/** Binds `port` as soon as the listener has released it. */
async function waitForPort(port: number): Promise<Server> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    try {
      return await listenOn(port);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Does an SMTP greeting (220) come from the port within two seconds? */
function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean): void => { socket.destroy(); resolve(ok); };
    socket.setTimeout(2_000, () => done(false));
    socket.once('data', (data) => done(data.toString().startsWith('220')));
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
  });
}
