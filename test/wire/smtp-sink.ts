// A bare SMTP sink on a free 127.0.0.1 port standing in for a real mail server: it takes every message and records
// its envelope and Subject, so a test sees exactly what left a run over the wire.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SunkMessage {
  readonly mailFrom: string;
  readonly rcptTo: readonly string[];
  readonly subject: string;
}

export interface SmtpSink {
  readonly port: number;
  readonly received: SunkMessage[];
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: SunkMessage[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'], disableReverseLookup: true, logger: false,
    onData(stream, session, callback) {
      let text = '';
      stream.on('data', (chunk: Buffer) => { text += chunk.toString('latin1'); });
      stream.on('end', () => {
        received.push({
          mailFrom: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          subject: /^Subject: (.*)$/im.exec(text.split('\r\n\r\n')[0] ?? '')?.[1] ?? '',
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
