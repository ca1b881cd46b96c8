// wire: the fake Exchange's listener (smtp-server, the DATA scan, mailparser, the model's delivery path, the ledger)
// against a bare smtp-server sink that only drains the stream: the same pooled nodemailer client, the same messages,
// the same process, rounds alternating. Goal (issue 11): ratio >= 0.8.
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { parseScenarioText } from '../harness/scenario/load-scenario.js';
import { startServe } from '../harness/run/serve-scenario.js';

export interface WireBench {
  messagesPerSec: number;
  baselineMessagesPerSec: number;
  ratio: number;
}

export const WIRE_BENCH_MESSAGES = 2_000;
const ROUNDS = 4;
const BODY = 'A line of an ordinary business message, about as long as most lines are.\r\n'.repeat(50);

const SCENARIO = `kind: scenario
name: wire-bench
seed: 1
start: 2026-01-05T08:00:00Z
horizon: 1h
drain: 1h
exchange:
  acceptedDomains: [contoso.example]
  servers: [{ name: ex1, site: hq }]
  databases: [{ name: db1, server: ex1 }]
  mailboxes:
    - { address: alice@contoso.example, database: db1 }
    - { address: bob@contoso.example, database: db1 }
internet:
  senders: [{ name: partners, domain: partner.example }]
`;

/** Sends `messages` through one pooled client (8 connections) and returns messages per second. */
async function blast(port: number, round: number, label: string, messages: number): Promise<number> {
  const pool = nodemailer.createTransport({ pool: true, maxConnections: 8, maxMessages: Infinity, host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  // One message first: the pool's connections open (smtp-server greets after 100 ms) before the clock starts.
  await pool.sendMail({ from: 'carol@partner.example', to: 'alice@contoso.example', subject: 'warm-up', text: BODY, messageId: `<warm-${label}-${round}@partner.example>` });
  const started = performance.now();
  await Promise.all(Array.from({ length: messages }, (_, i) => pool.sendMail({
    from: 'carol@partner.example', to: i % 2 === 0 ? 'alice@contoso.example' : 'bob@contoso.example',
    subject: `bench ${i}`, text: BODY, messageId: `<${label}-${round}-${i}@partner.example>`,
  })));
  const seconds = (performance.now() - started) / 1000;
  pool.close();
  return messages / seconds;
}

async function sinkRound(round: number, messages: number): Promise<number> {
  const sink = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'], disableReverseLookup: true, logger: false, name: 'sink.mailflow.invalid',
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => callback());
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  try {
    return await blast((sink.server.address() as AddressInfo).port, round, 'sink', messages);
  } finally {
    await new Promise<void>((resolve) => sink.close(() => resolve()));
  }
}

async function exchangeRound(round: number, messages: number): Promise<number> {
  // Virtual time barely moves (real time): the benchmark measures the listener and the model, not the clock.
  const session = await startServe(parseScenarioText(SCENARIO, 'wire-bench.yaml'), { smtpPort: 0, timeScale: 1 });
  try {
    return await blast(session.listeners[0]?.port ?? 0, round, 'exchange', messages);
  } finally {
    const outcome = await session.stop();
    if (outcome.counts.accepted !== messages + 1) throw new Error(`wire bench: ${outcome.counts.accepted} accepted, expected ${messages + 1}`);
  }
}

/** `messages` per round and `rounds` are for the benchmark's own test; `npm run bench` takes the defaults. */
export async function benchWire(messages = WIRE_BENCH_MESSAGES, rounds = ROUNDS): Promise<WireBench> {
  let best = 0;
  let baseline = 0;
  for (let round = 0; round < rounds; round++) {
    baseline = Math.max(baseline, await sinkRound(round, messages));
    best = Math.max(best, await exchangeRound(round, messages));
  }
  return { messagesPerSec: Math.round(best), baselineMessagesPerSec: Math.round(baseline), ratio: Math.round((best / baseline) * 100) / 100 };
}
