// A `host:port` naming a real SMTP server (a scenario's `wire.outboundSmtp`, `--outbound-smtp`), and whether it is
// this machine. Wire mode hands CRM's outbound email to that server for real, so where it points matters: a file
// written by someone else may name only loopback (harness/run/wire-outbound-target.ts).
import { BlockList, isIP } from 'node:net';

/**
 * `host:port` or `[IPv6]:port`. A host is letters, digits, dots, dashes and underscores: nothing else (spaces, control
 * characters, `@`, `/`) belongs in a host name, and none of it can then reach a terminal or nodemailer's options.
 */
export const HOST_PORT_PATTERN = /^(?:[A-Za-z0-9_.-]+|\[[0-9A-Fa-f:.]+\]):\d{1,5}$/;

export interface SmtpAddress {
  /** A host name, an IPv4 address, or an IPv6 address without brackets. */
  readonly host: string;
  readonly port: number;
}

/** What is wrong with a `host:port`, or null. */
export function hostPortProblem(text: string): string | null {
  if (!HOST_PORT_PATTERN.test(text)) return 'expected host:port (a host name, an IPv4 address or [an IPv6 address], then the port)';
  const port = Number(text.slice(text.lastIndexOf(':') + 1));
  if (port < 1 || port > 65_535) return 'the port is 1 to 65535';
  if (text.startsWith('[') && isIP(text.slice(1, text.lastIndexOf(']'))) !== 6) return `${text.slice(0, text.lastIndexOf(']') + 1)} is not an IPv6 address`;
  return null;
}

/** `host:port` read, or what is wrong with it. */
export function parseHostPort(text: string): SmtpAddress | string {
  const problem = hostPortProblem(text);
  if (problem !== null) return problem;
  const colon = text.lastIndexOf(':');
  const host = text.slice(0, colon);
  return { host: host.startsWith('[') ? host.slice(1, -1) : host, port: Number(text.slice(colon + 1)) };
}

/** As written in a scenario or on the command line (an IPv6 address in brackets). */
export function formatHostPort(address: SmtpAddress): string {
  return isIP(address.host) === 6 ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * 127.0.0.0/8, ::1 (in any spelling, and IPv4-mapped 127.x) or `localhost`. Any other name is not, even one that
 * resolves to loopback today: a name is looked up when the mail is sent, and may answer differently then.
 */
export function isLoopback(host: string): boolean {
  if (host.toLowerCase() === 'localhost') return true;
  const family = isIP(host);
  return family !== 0 && LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}
