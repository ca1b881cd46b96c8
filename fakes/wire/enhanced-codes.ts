// ENHANCEDSTATUSCODES (RFC 2034), announced as Exchange announces it, on every reply. With hideENHANCEDSTATUSCODES
// off, smtp-server gives its own replies an enhanced code (250 2.1.5, 503 5.5.1, 421 4.4.2 at the idle timeout), but it
// also puts one, chosen by the reply code alone, in front of each reply a hook gives: those already carry the
// model's, so `550 5.7.1 Unable to relay` went out as `550 5.1.1 5.7.1 Unable to relay`. Each connection's send()
// therefore leaves a reply whose text already starts with an enhanced code as it is.
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { SMTPServer } from 'smtp-server';

/** class.subject.detail, RFC 3463 section 2, at the start of a reply's text. */
const ENHANCED_CODE = /^[245]\.\d{1,3}\.\d{1,3}(?: |$)/;

export function keepOwnEnhancedCodes(smtp: SMTPServer): void {
  const connect = smtp.connect.bind(smtp);
  smtp.connect = (socket: Socket | TLSSocket, socketOptions) => {
    connect(socket, socketOptions);
    // connect() has just added its connection, last in the set; it says nothing before its 100 ms greeting delay.
    const connection = lastOf(smtp.connections);
    if (connection === undefined) return;
    const send = connection.send.bind(connection);
    connection.send = (code, data, context) => send(code, data, typeof data === 'string' && ENHANCED_CODE.test(data) ? false : context);
  };
}

function lastOf<T>(set: ReadonlySet<T>): T | undefined {
  let last: T | undefined;
  for (const item of set) last = item;
  return last;
}
