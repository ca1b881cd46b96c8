// The listener's safety settings and their defaults (docs/wire.md): loopback only, a connection cap, an idle
// timeout, RFC 5321's line limits, the model's message size, no AUTH unless asked for.

export interface ListenerLimits {
  /** Interface to bind; loopback unless the user says otherwise. */
  readonly host: string;
  /** Concurrent connections; the one over the cap gets 421 and is closed (smtp-server's maxClients). */
  readonly maxClients: number;
  /** A connection idle this long is closed (smtp-server's socketTimeout). */
  readonly idleTimeoutMs: number;
  /** A command line longer than this is refused (RFC 5321 4.5.3.1.4 says 512 octets; AUTH and ESMTP parameters need more). */
  readonly maxCommandOctets: number;
  /** A text line of the message longer than this (without CRLF) refuses the message (RFC 5321 4.5.3.1.6: 1000 with it). */
  readonly maxLineOctets: number;
  /** RCPT TO commands per transaction (RFC 5321 4.5.3.1.8: at least 100 must be accepted). */
  readonly maxRecipients: number;
  /** The largest message taken (552 5.3.4 above it); null: the modelled server's own maxMessageSize. */
  readonly maxMessageBytes: number | null;
  /** `user:password` a client may authenticate with (AUTH PLAIN/LOGIN, cleartext on loopback); null: no AUTH. */
  readonly auth: { readonly user: string; readonly password: string } | null;
}

export const DEFAULT_LIMITS: ListenerLimits = {
  host: '127.0.0.1', maxClients: 1_000, idleTimeoutMs: 30_000, maxCommandOctets: 2_048, maxLineOctets: 998,
  maxRecipients: 500, maxMessageBytes: null, auth: null,
};

/** `user:password` from the command line; a string that is not one gives the error message instead. */
export function parseAuth(text: string): { user: string; password: string } | string {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) return 'expected user:password';
  return { user: text.slice(0, colon), password: text.slice(colon + 1) };
}
