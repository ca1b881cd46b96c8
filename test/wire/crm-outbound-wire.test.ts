// With `wire: { outboundSmtp: host:port }`, CRM's SMTP outbound (O1) leaves through nodemailer to that real server:
// here a bare smtp-server sink on a free loopback port. Each email reaches it once and ends Sent.
import { describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseScenarioText } from '../../harness/scenario/load-scenario.js';
import { startServe } from '../../harness/run/serve-scenario.js';

function scenarioText(sinkPort: number): string {
  return `kind: scenario
name: crm-outbound-wire
seed: 3
start: 2026-01-05T08:00:00Z
horizon: 1h
drain: 1h
wire: { outboundSmtp: "127.0.0.1:${sinkPort}" }
exchange:
  acceptedDomains: [contoso.example]
  servers: [{ name: ex1, site: hq }]
  databases: [{ name: db1, server: ex1 }]
  mailboxes: [{ address: paul@contoso.example, database: db1 }]
internet:
  senders: [{ name: fabrikam, domain: fabrikam.example }]
crm:
  users: [{ address: paul@contoso.example, incoming: none, outgoing: smtp }]
  contacts: [{ id: carol, address: carol@fabrikam.example }]
  outbound: { smtpServer: ex1, pollInterval: 1m }
  emails:
    - { at: 1m, from: paul@contoso.example, to: [carol@fabrikam.example], subject: "Quote", regarding: carol }
    - { at: 2m, from: paul@contoso.example, to: [carol@fabrikam.example], subject: "Quote, revised", regarding: carol }
`;
}

/** A bare SMTP sink on a free loopback port that records each message's recipients and answers after `replyAfterMs`. */
async function startSink(replyAfterMs: number): Promise<{ received: string[]; sink: SMTPServer; sinkPort: number }> {
  const received: string[] = [];
  const sink = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'], disableReverseLookup: true, logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        received.push(session.envelope.rcptTo.map((r) => r.address).join(','));
        setTimeout(() => callback(), replyAfterMs);
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  return { received, sink, sinkPort: (sink.server.address() as AddressInfo).port };
}

describe('CRM outbound on the wire', () => {
  it('hands each CRM email to the named SMTP server once; the emails end Sent', async () => {
    const { received, sink, sinkPort } = await startSink(0);
    // 10 virtual minutes per wall second: both emails are due within a wall second or so.
    const session = await startServe(parseScenarioText(scenarioText(sinkPort), 'crm-outbound-wire.yaml'), { smtpPort: 0, timeScale: 600 });
    while (received.length < 2 && session.nowMs() < 30 * 60_000) await new Promise((resolve) => setTimeout(resolve, 10));
    const outcome = await session.stop();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
    expect(received).toEqual(['carol@fabrikam.example', 'carol@fabrikam.example']);
    expect(outcome.checks.find((c) => c.name === 'outbound-exactly-once')?.verdict).toBe('pass');
    expect(outcome.counts).toMatchObject({ sent: 2, bounced: 0, duplicates: 0, pending: 0 });
    expect(outcome.verdict).toBe('pass');
  });

  it('does not send an email again while a slow server still holds its hand-over (SendingStatusDelay passes meanwhile)', async () => {
    // The sink answers each DATA after 4 wall seconds: at 10 virtual minutes a second, 40 minutes, longer than the
    // 30 minutes after which an email left Sending is picked up again (R6).
    const { received, sink, sinkPort } = await startSink(4_000);
    const session = await startServe(parseScenarioText(scenarioText(sinkPort), 'crm-outbound-wire.yaml'), { smtpPort: 0, timeScale: 600 });
    while (session.nowMs() < 50 * 60_000) await new Promise((resolve) => setTimeout(resolve, 20));
    const outcome = await session.stop();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
    expect(received).toEqual(['carol@fabrikam.example', 'carol@fabrikam.example']);
    expect(outcome.checks.find((c) => c.name === 'outbound-exactly-once')?.verdict).toBe('pass');
    expect(outcome.counts).toMatchObject({ sent: 2, duplicates: 0 });
  }, 30_000);
});
