// A small Exchange world served on a free loopback port for the wire tests, and a pooled nodemailer client to it.
import nodemailer, { type Transporter } from 'nodemailer';
import { exchangeScenario } from '../helpers/exchange-scenario.js';
import { startServe, type ServeSession } from '../../harness/run/serve-scenario.js';
import type { ListenerLimits } from '../../fakes/wire/listener-limits.js';

/** alice and bob at contoso.example on ex1 (test/helpers/exchange-scenario.ts), served at an hour a second. */
export function serveTestWorld(limits: Partial<ListenerLimits> = {}, faults?: string): Promise<ServeSession> {
  const scenario = exchangeScenario({ drain: '1h', ...(faults === undefined ? {} : { faults }) });
  return startServe(scenario, { smtpPort: 0, timeScale: 3_600, limits });
}

export function portOf(session: ServeSession): number {
  const listener = session.listeners[0];
  if (listener === undefined) throw new Error('no listener');
  return listener.port;
}

export function poolTo(port: number, auth?: { user: string; pass: string }): Transporter {
  return nodemailer.createTransport({
    pool: true, maxConnections: 4, maxMessages: Infinity, host: '127.0.0.1', port, secure: false, ignoreTLS: true,
    ...(auth === undefined ? {} : { auth }),
  });
}
