// A library caller's bad wire options are refused before anything listens (the engineer review): a time scale of 0
// left a listener open, so the caller's process never exited; `idleTimeoutMs: -5` was thrown by smtp-server from
// inside the first connection, ending the process; `maxClients: 0` and `maxRecipients: 0` meant "no limit".
import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { exchangeScenario } from '../helpers/exchange-scenario.js';
import { startServe } from '../../harness/run/serve-scenario.js';
import { runScenarioOnWire } from '../../harness/run/run-wire.js';
import { listenerLimitsProblems } from '../../fakes/wire/listener-limits.js';

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('wire options', () => {
  it('a bad time scale is refused with the port left free', async () => {
    const probe = await listenOn(0);
    const port = (probe.address() as { port: number }).port;
    await close(probe);
    for (const timeScale of [0, -1, Number.NaN, Infinity]) {
      await expect(startServe(exchangeScenario({}), { smtpPort: port, timeScale })).rejects.toThrow(/^startServe: timeScale must be a positive number/);
    }
    // Nothing listens on the port the session would have had.
    await close(await listenOn(port));
  });

  it('bad limits are refused before listening, each named', async () => {
    await expect(startServe(exchangeScenario({}), { smtpPort: 0, limits: { idleTimeoutMs: -5, maxClients: 0 } }))
      .rejects.toThrow('startServe: limits.maxClients must be a whole number of connections from 1 to 1,000,000, got 0; limits.idleTimeoutMs must be a whole number of milliseconds from 1 to 2,147,483,647, got -5');
    await expect(runScenarioOnWire(exchangeScenario({}), { limits: { maxRecipients: 0 } })).rejects.toThrow(/^runScenarioOnWire: limits\.maxRecipients must be a whole number of recipients from 1/);
    await expect(runScenarioOnWire(exchangeScenario({}), { maxConnections: -1 })).rejects.toThrow('runScenarioOnWire: maxConnections must be a whole number of connections per sender pool, at least 1, got -1');
    expect(listenerLimitsProblems({ maxLineOctets: 1.5, host: '', maxMessageBytes: null, auth: { user: 'u', password: '' } })).toEqual([
      'limits.maxLineOctets must be a whole number of octets from 1 to 9,007,199,254,740,991, got 1.5',
      'limits.host must be an interface\'s address, got ""',
      'limits.auth must be null or { user, password }, both non-empty',
    ]);
    // Stricter than RFC 5321's minimums is allowed: a client's handling of such a server can be tested.
    expect(listenerLimitsProblems({ maxRecipients: 5, maxCommandOctets: 100, idleTimeoutMs: 1 })).toEqual([]);
  });
});
