// A raw SMTP client on a net.Socket for the listener's safety tests: it writes exactly the bytes a test gives
// (smuggling payloads, long lines, floods), which no well-behaved client library would.
import { connect, type Socket } from 'node:net';

export interface RawSmtp {
  readonly socket: Socket;
  /** Resolves with the next complete reply (all its lines), or null when the server closed the connection. */
  reply(): Promise<string | null>;
  /** Writes a command line (CRLF added) and waits for its reply. */
  command(line: string): Promise<string | null>;
  write(bytes: string | Buffer): void;
  closed: Promise<void>;
}

export async function rawSmtp(port: number, host = '127.0.0.1'): Promise<RawSmtp> {
  return rawSmtpOn(connect(port, host));
}

/** The same client on a socket of the caller's: after STARTTLS, the TLS socket wrapped around the first one. */
export function rawSmtpOn(socket: Socket): RawSmtp {
  socket.on('error', () => { /* a refused or reset connection shows as a null reply */ });
  let buffer = '';
  const replies: string[] = [];
  let waiting: ((reply: string | null) => void) | null = null;
  let ended = false;
  const closed = new Promise<void>((resolve) => socket.once('close', () => {
    ended = true;
    waiting?.(null);
    waiting = null;
    resolve();
  }));
  socket.on('data', (data) => {
    buffer += data.toString('latin1');
    // A reply ends with a line whose code is followed by a space.
    for (let match = /^(?:\d{3}-[^\n]*\n)*\d{3}(?: [^\n]*)?\r?\n/.exec(buffer); match !== null; match = /^(?:\d{3}-[^\n]*\n)*\d{3}(?: [^\n]*)?\r?\n/.exec(buffer)) {
      buffer = buffer.slice(match[0].length);
      if (waiting === null) replies.push(match[0].trim());
      else {
        const resolve = waiting;
        waiting = null;
        resolve(match[0].trim());
      }
    }
  });
  const reply = (): Promise<string | null> => {
    const next = replies.shift();
    if (next !== undefined) return Promise.resolve(next);
    if (ended) return Promise.resolve(null);
    return new Promise((resolve) => { waiting = resolve; });
  };
  return {
    socket, reply, closed,
    command(line) {
      socket.write(`${line}\r\n`);
      return reply();
    },
    write(bytes) {
      socket.write(bytes);
    },
  };
}
