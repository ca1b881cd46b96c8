// The listener's safety settings and their defaults (docs/wire.md): loopback only, a connection cap, an idle
// timeout and a session length, RFC 5321's line limits, the model's message size, no AUTH unless asked for and then
// a few failed attempts per connection, no STARTTLS unless given a certificate.
import { tlsProblem, type ListenerTls } from './listener-tls.js';

export interface ListenerLimits {
  /** Interface to bind; loopback unless the user says otherwise. */
  readonly host: string;
  /** Concurrent connections; the one over the cap gets 421 and is closed (smtp-server's maxClients). */
  readonly maxClients: number;
  /** A connection idle this long is closed (smtp-server's socketTimeout). */
  readonly idleTimeoutMs: number;
  /**
   * A connection open this long is closed with 421, busy or not (session-deadline.ts): the idle timeout restarts at
   * every byte, so a client trickling a few bytes at a time could otherwise hold a connection, and a place under
   * maxClients, forever.
   */
  readonly maxSessionMs: number;
  /** A command line longer than this is refused (RFC 5321 4.5.3.1.4 says 512 octets; AUTH and ESMTP parameters need more). */
  readonly maxCommandOctets: number;
  /** A text line of the message longer than this (without CRLF) refuses the message (RFC 5321 4.5.3.1.6: 1000 with it). */
  readonly maxLineOctets: number;
  /**
   * Recipients per transaction (RFC 5321 4.5.3.1.8: at least 100 must be accepted); the next is answered 452 4.5.3
   * by the listener's RCPT hook (recipient-cap.ts), which records it.
   */
  readonly maxRecipients: number;
  /** The largest message taken (552 5.3.4 above it); null: the modelled server's own maxMessageSize. */
  readonly maxMessageBytes: number | null;
  /** `user:password` a client may authenticate with (AUTH PLAIN/LOGIN, cleartext on loopback); null: no AUTH. */
  readonly auth: { readonly user: string; readonly password: string } | null;
  /** Failed AUTH attempts one connection may make: the last is answered 421 and the connection closed. */
  readonly maxAuthFailures: number;
  /** STARTTLS with this certificate, and AUTH only after it (listener-tls.ts); null: no STARTTLS, AUTH in cleartext. */
  readonly tls: ListenerTls | null;
}

export const DEFAULT_LIMITS: ListenerLimits = {
  host: '127.0.0.1', maxClients: 1_000, idleTimeoutMs: 30_000, maxSessionMs: 600_000, maxCommandOctets: 2_048, maxLineOctets: 998,
  maxRecipients: 500, maxMessageBytes: null, auth: null, maxAuthFailures: 3, tls: null,
};

/** `user:password` from the command line; a string that is not one gives the error message instead. */
export function parseAuth(text: string): { user: string; password: string } | string {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) return 'expected user:password';
  return { user: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** Node's timers take at most this many milliseconds (a 32-bit signed count). */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * What is wrong with limits a library caller gave, one sentence each; empty when nothing is. Checked before anything
 * listens: smtp-server reads 0 as "no limit" (so `maxClients: 0` silently let everyone in) and throws a negative
 * timeout from inside a connection, which no caller can catch (`idleTimeoutMs: -5` ended the process at the first
 * client). Below RFC 5321's minimums is allowed, so a client's handling of a stricter server can be tested.
 */
export function listenerLimitsProblems(limits: Partial<ListenerLimits> | undefined): string[] {
  if (limits === undefined) return [];
  const problems: string[] = [];
  const whole = (field: keyof ListenerLimits, value: unknown, max: number, unit: string) => {
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
      problems.push(`limits.${field} must be a whole number of ${unit} from 1 to ${max.toLocaleString('en-US')}, got ${String(value)}`);
    }
  };
  whole('maxClients', limits.maxClients, 1_000_000, 'connections');
  whole('idleTimeoutMs', limits.idleTimeoutMs, MAX_TIMER_MS, 'milliseconds');
  whole('maxSessionMs', limits.maxSessionMs, MAX_TIMER_MS, 'milliseconds');
  whole('maxAuthFailures', limits.maxAuthFailures, Number.MAX_SAFE_INTEGER, 'attempts');
  whole('maxCommandOctets', limits.maxCommandOctets, Number.MAX_SAFE_INTEGER, 'octets');
  whole('maxLineOctets', limits.maxLineOctets, Number.MAX_SAFE_INTEGER, 'octets');
  whole('maxRecipients', limits.maxRecipients, Number.MAX_SAFE_INTEGER, 'recipients');
  if (limits.maxMessageBytes !== null) whole('maxMessageBytes', limits.maxMessageBytes, Number.MAX_SAFE_INTEGER, 'bytes');
  if (limits.host !== undefined && (typeof limits.host !== 'string' || limits.host === '')) problems.push(`limits.host must be an interface's address, got ${JSON.stringify(limits.host)}`);
  const auth = limits.auth;
  if (auth !== undefined && auth !== null && (typeof auth.user !== 'string' || auth.user === '' || typeof auth.password !== 'string' || auth.password === '')) {
    problems.push('limits.auth must be null or { user, password }, both non-empty');
  }
  const tls = limits.tls;
  if (tls !== undefined && tls !== null) {
    const pem = (value: unknown) => (typeof value === 'string' || Buffer.isBuffer(value)) && value.length > 0;
    const wrong = pem(tls.key) && pem(tls.cert) ? tlsProblem(tls) : { part: null, message: 'must be null or { key, cert }, each a non-empty PEM string or Buffer' };
    if (wrong !== null) problems.push(`limits.tls${wrong.part === 'cert' || wrong.part === 'key' ? `.${wrong.part}` : ''}: ${wrong.message}`);
  }
  return problems;
}

/** The time scale (virtual ms per wall ms): what is wrong with it, or null. */
export function timeScaleProblem(scale: number | undefined): string | null {
  return scale === undefined || (scale > 0 && Number.isFinite(scale)) ? null : `timeScale must be a positive number of virtual ms per wall ms, got ${String(scale)}`;
}

/** Throws one RangeError naming every problem with a wire call's options, before any socket is opened. */
export function refuseBadWireOptions(call: string, options: { readonly limits?: Partial<ListenerLimits> | undefined; readonly timeScale?: number | undefined; readonly maxConnections?: number | undefined }): void {
  const { maxConnections } = options;
  // A sender pool of -1 connections sent nothing and the run ended with its mail pending, as if the model lost it.
  const pool = maxConnections === undefined || (Number.isSafeInteger(maxConnections) && maxConnections >= 1) ? null
    : `maxConnections must be a whole number of connections per sender pool, at least 1, got ${String(maxConnections)}`;
  const problems = [...listenerLimitsProblems(options.limits), ...[timeScaleProblem(options.timeScale), pool].filter((p) => p !== null)];
  if (problems.length > 0) throw new RangeError(`${call}: ${problems.join('; ')}`);
}
