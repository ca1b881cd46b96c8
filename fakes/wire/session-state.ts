// One SMTP connection's state on the wire, apart from the protocol parser (smtp-server) and from policy
// (wire-policy.ts), as smtp-server keeps them: which server it reached, whether the client authenticated (and how
// often it failed to), and the scan of the message being received.
import { newDataScan, type DataScan } from './data-scan.js';
import type { SmtpReply } from '../mail/smtp-reply.js';

export interface WireSession {
  /** The modelled Exchange server this listener stands for. */
  readonly server: string;
  authenticated: boolean;
  /** Failed AUTH attempts on this connection (ListenerLimits.maxAuthFailures). */
  authFailures: number;
  /** The current transaction's data, as it arrives. */
  scan: DataScan;
  /**
   * The current transaction's recipients that RCPT TO refused, with the reply: smtp-server's envelope keeps only the
   * accepted ones, and the ledger records the refusals on the message once DATA gives it one.
   */
  refused: Array<{ readonly address: string; readonly reply: SmtpReply }>;
}

export function newWireSession(server: string): WireSession {
  return { server, authenticated: false, authFailures: 0, scan: newDataScan(), refused: [] };
}

/** Sessions by smtp-server's session id, from connect to close. */
export class WireSessions {
  private readonly sessions = new Map<string, WireSession>();

  open(id: string, server: string): WireSession {
    const session = newWireSession(server);
    this.sessions.set(id, session);
    return session;
  }

  get(id: string, server: string): WireSession {
    return this.sessions.get(id) ?? this.open(id, server);
  }

  close(id: string): void {
    this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }
}
