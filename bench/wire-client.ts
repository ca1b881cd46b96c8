// The wire benchmark's SMTP client, run as a child process (bench/wire-bench.ts forks it): a real client is another
// program, so its CPU must not share the listener's thread. One pooled nodemailer client per round, the same
// messages for the sink and the fake Exchange; the parent sends a round over IPC, the child answers its rate.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';

/** One round, as the parent asks for it. */
export interface BlastRequest {
  readonly port: number;
  readonly round: number;
  readonly label: string;
  readonly messages: number;
}

export type BlastAnswer = { readonly messagesPerSec: number } | { readonly error: string };

const BODY = 'A line of an ordinary business message, about as long as most lines are.\r\n'.repeat(50);

const CONNECTIONS = 8;
/** Untimed messages a round begins with, one per connection (the fake Exchange's ledger counts them too). */
export const WARM_UP_MESSAGES = CONNECTIONS;

/** Sends `messages` through one pooled client (8 connections) and returns messages per second. */
export async function blast({ port, round, label, messages }: BlastRequest): Promise<number> {
  const pool = nodemailer.createTransport({ pool: true, maxConnections: CONNECTIONS, maxMessages: Infinity, host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    // One message per connection first, all at once, so that every connection of the pool is open (smtp-server greets
    // after 100 ms) before the clock starts. A single warm-up message opened one connection only: the other seven
    // opened inside the timed window, adding the same ~100 ms to both sides' time, which pulled the ratio towards 1.
    await Promise.all(Array.from({ length: CONNECTIONS }, (_, c) => pool.sendMail({
      from: 'carol@partner.example', to: 'alice@contoso.example', subject: 'warm-up', text: BODY, messageId: `<warm-${label}-${round}-${c}@partner.example>`,
    })));
    const started = performance.now();
    await Promise.all(Array.from({ length: messages }, (_, i) => pool.sendMail({
      from: 'carol@partner.example', to: i % 2 === 0 ? 'alice@contoso.example' : 'bob@contoso.example',
      subject: `bench ${i}`, text: BODY, messageId: `<${label}-${round}-${i}@partner.example>`,
    })));
    return messages / ((performance.now() - started) / 1000);
  } finally {
    pool.close();
  }
}

// Run as the forked program (not imported) with an IPC channel: serve rounds until the parent disconnects.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.send !== undefined) {
  process.on('message', (request: BlastRequest) => {
    blast(request).then(
      (messagesPerSec) => process.send?.({ messagesPerSec } satisfies BlastAnswer),
      (error: unknown) => process.send?.({ error: error instanceof Error ? error.message : String(error) } satisfies BlastAnswer),
    );
  });
  process.on('disconnect', () => process.exit(0));
}
