// A modelled Exchange server on a real socket: smtp-server parses the protocol, WireSessions keep each connection's
// state, wire-policy.ts decides every reply from the model, and mailparser turns the received header block into the
// model's message. Safety: loopback by default, a connection cap, idle timeouts and a session length, line and size
// limits, no open relay, a few failed AUTH attempts per connection (and AUTH only after STARTTLS when given a
// certificate), bare LF/CR refused (RFC 5321 2.3.8) so a `<LF>.<LF>` smuggling attempt is one refused message, never two.
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { SmtpReply } from '../mail/smtp-reply.js';
import { finishScan, newDataScan, scanChunk } from './data-scan.js';
import { HeaderBlock } from './header-block.js';
import { parseHeaderBlock, type ReceivedHeaders } from './header-fields.js';
import { DEFAULT_LIMITS, type ListenerLimits } from './listener-limits.js';
import { messageFromWire } from './mime-message.js';
import { MessageIdUses } from '../mail/reused-message-id.js';
import { modelHeaders } from './model-headers.js';
import type { ModelPort } from './model-port.js';
import { WireSessions } from './session-state.js';
import { replyOverRecipientCap } from './recipient-cap.js';
import { keepOwnEnhancedCodes } from './enhanced-codes.js';
import { limitSessionLength } from './session-deadline.js';
import { DROP, droppedByFirewall, receiveMessage, replyAtConnect, replyOfOutcome, replyToData, replyToMailFrom, replyToRcpt } from './wire-policy.js';

export interface WireListener {
  readonly server: string;
  readonly host: string;
  readonly port: number;
  /** Messages parsed and handed to the model so far (accepted or not). */
  readonly received: () => number;
  /**
   * Follows the modelled server: listens while it is up and its inbound mail flow open, and stops listening (a
   * client's connect is refused, as the model's `refused` and `blocked`) while it is down or firewalled. The
   * driver calls it after each engine step; connections already open meet 421 from policy instead.
   */
  sync(): void;
  /** Stops taking connections and closes the open ones. */
  close(): Promise<void>;
}

const AUTH_IN_TRANSACTION: SmtpReply = { code: 503, enhanced: '5.5.1', text: 'Bad sequence of commands: AUTH is not permitted during a mail transaction (RFC 4954 section 4)' };

/** smtp-server's way to answer a hook with a given reply. */
function smtpError(reply: SmtpReply): Error & { responseCode: number } {
  return Object.assign(new Error(`${reply.enhanced} ${reply.text}`), { responseCode: reply.code });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface ListenerOptions {
  /** The modelled server this listener stands for. */
  readonly server: string;
  readonly port: number;
  readonly limits?: Partial<ListenerLimits>;
  /** Keys of messages first seen here (from clients outside the model); shared by a run's listeners. */
  readonly fromOutside?: Set<string>;
  /**
   * Take a keyless message's ledger key from its X-Mailflow-Key header: only when every client is the run's own
   * sender (`run --wire`). Under `serve` any client could name another message's key and merge their lives.
   */
  readonly trustCarriedKey?: boolean;
  /**
   * Message-IDs used so far by clients outside the model, shared by a run's listeners: a different message reusing
   * one gets a ledger life of its own. Not consulted when carried keys are trusted (the model's senders key their own).
   */
  readonly messageIdUses?: MessageIdUses;
}

export async function startListener(port: ModelPort, options: ListenerOptions): Promise<WireListener> {
  const limits: ListenerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const { server } = options;
  const sessions = new WireSessions();
  const fromOutside = options.fromOutside ?? new Set<string>();
  const messageIdUses = options.trustCarriedKey === true ? null : options.messageIdUses ?? new MessageIdUses();
  let received = 0;
  let keyless = 0;
  const sizeLimit = limits.maxMessageBytes ?? port.config.settings.maxMessageSizeBytes;
  const { tls } = limits;
  // smtp-server announces AUTH before STARTTLS whatever allowInsecureAuth says (and refuses it later, 538): with a
  // certificate, AUTH is disabled for the connection until TLS is up, as BasicAuthRequireTLS leaves it unoffered.
  const authAfterTls = tls !== null && limits.auth !== null;

  const socketOf = (session: SMTPServerSession): Socket | undefined => {
    for (const connection of (smtp as unknown as { connections: Set<{ id: string; _socket: Socket }> }).connections) {
      if (connection.id === session.id) return connection._socket;
    }
    return undefined;
  };
  /** Closes the connection without a word (the firewall, `stopInbound`). */
  const drop = (session: SMTPServerSession, callback: (error?: Error | null) => void): void => {
    socketOf(session)?.destroy();
    callback(new Error('dropped'));
  };

  const smtp: SMTPServer = new SMTPServer({
    name: `${server}.mailflow.invalid`, banner: `mailflow-sim fake Exchange (${server})`,
    disabledCommands: [...(tls === null ? ['STARTTLS'] : []), ...(limits.auth === null ? ['AUTH'] : [])],
    // Without a certificate, AUTH in cleartext (loopback); with one, only after STARTTLS (listener-tls.ts).
    authOptional: true, allowInsecureAuth: tls === null, authMethods: ['PLAIN', 'LOGIN'],
    ...(tls === null ? {} : { key: tls.key, cert: tls.cert }),
    // EHLO as Exchange's: ENHANCEDSTATUSCODES (its codes on every reply: enhanced-codes.ts), no SMTPUTF8 (on-premises
    // Exchange 2010-2019 does not offer it; secondary sources, docs/wire.md). DSN stays hidden (smtp-server's default).
    disableReverseLookup: true, hideENHANCEDSTATUSCODES: false, hideSMTPUTF8: true,
    socketTimeout: limits.idleTimeoutMs, closeTimeout: 1_000, maxClients: limits.maxClients,
    // No maxRecipients here: the cap is onRcptTo's (recipient-cap.ts), so the recipient it refuses is recorded.
    maxCommandLength: limits.maxCommandOctets,
    // Over the size after DATA, the reply is ours (552 5.3.4, as Exchange words it); smtp-server's own would win with
    // rejectOversized. A SIZE declared at MAIL FROM over the limit is still refused there by smtp-server (docs/wire.md).
    size: sizeLimit, rejectOversized: false, logger: false,
    onConnect(session, callback) {
      sessions.open(session.id, server);
      if (authAfterTls) session.disabledCommands = ['AUTH'];
      const verdict = replyAtConnect(port, server);
      if (verdict === DROP) return drop(session, callback);
      callback(verdict === null ? null : smtpError(verdict));
    },
    onSecure(_socket, session, callback) {
      // RFC 3207 4.2: nothing learnt before TLS holds after it; smtp-server forgets its part, the listener its own.
      const state = sessions.get(session.id, server);
      state.authenticated = false;
      state.refused = [];
      if (authAfterTls) session.disabledCommands = [];
      callback();
    },
    onAuth(auth, session, callback) {
      // RFC 4954 section 4: AUTH during a mail transaction is a bad sequence (503), and not a failed attempt.
      // smtp-server would take it (235) and let the transaction relay under an identity it did not start with.
      if (session.envelope.mailFrom !== false) return callback(smtpError(AUTH_IN_TRANSACTION));
      const expected = limits.auth;
      const state = sessions.get(session.id, server);
      if (expected === null || auth.username === undefined || typeof auth.password !== 'string'
        || !sameSecret(auth.username, expected.user) || !sameSecret(auth.password, expected.password)) {
        // smtp-server answers every attempt at full speed and never disconnects: a guesser gets a few per
        // connection, the last answered 421, which smtp-server follows by closing the connection.
        state.authFailures++;
        if (state.authFailures >= limits.maxAuthFailures) {
          return callback(smtpError({ code: 421, enhanced: '4.7.0', text: `Too many failed authentication attempts (${state.authFailures}), closing connection` }));
        }
        return callback(smtpError({ code: 535, enhanced: '5.7.8', text: 'Authentication credentials invalid' }));
      }
      state.authenticated = true;
      callback(null, { user: auth.username });
    },
    onMailFrom(_address, session, callback) {
      if (droppedByFirewall(port, server)) return drop(session, callback);
      // A new transaction: the last one's refused recipients are not this one's.
      sessions.get(session.id, server).refused = [];
      const reply = replyToMailFrom(port, server);
      callback(reply === null ? null : smtpError(reply));
    },
    onRcptTo(address, session, callback) {
      if (droppedByFirewall(port, server)) return drop(session, callback);
      const state = sessions.get(session.id, server);
      const reply = replyOverRecipientCap(session.envelope.rcptTo, address.address, limits.maxRecipients)
        ?? replyToRcpt(port, server, address.address, state.authenticated);
      if (reply.code >= 300) state.refused.push({ address: address.address.toLowerCase(), reply });
      callback(reply.code < 300 ? null : smtpError(reply));
    },
    onData(stream, session, callback) {
      const state = sessions.get(session.id, server);
      state.scan = newDataScan();
      const headers = new HeaderBlock();
      stream.on('data', (chunk: Buffer) => {
        scanChunk(state.scan, chunk);
        headers.add(chunk);
      });
      stream.on('end', () => {
        const refusal = replyToData(finishScan(state.scan), stream.sizeExceeded, limits.maxLineOctets);
        if (refusal !== null) return callback(smtpError(refusal));
        if (droppedByFirewall(port, server)) return drop(session, callback);
        // mailparser reads only the fields the model reads (model-headers.ts), synchronously (header-fields.ts).
        let parsed: ReceivedHeaders;
        try {
          parsed = parseHeaderBlock(modelHeaders(headers.bytes()));
        } catch (error) {
          return callback(smtpError({ code: 554, enhanced: '5.6.0', text: `Message could not be parsed: ${(error as Error).message}` }));
        }
        received++;
        const envelope = {
          mailFrom: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          recipients: session.envelope.rcptTo.map((r) => r.address),
        };
        const read = messageFromWire(parsed, envelope, state.scan.bytes, `(no Message-ID: ${server} wire message ${++keyless})`, options.trustCarriedKey === true);
        const message = messageIdUses === null ? read : messageIdUses.keyed(read);
        const reply = replyOfOutcome(receiveMessage(port, server, message, state.authenticated, fromOutside, state.refused, state.scan.body.finish()));
        if (reply === null) {
          // The fault drops the 250: the message is taken, the client never hears so (it must send again).
          socketOf(session)?.destroy();
          return callback(new Error('reply lost'));
        }
        callback(reply.code < 300 ? null : smtpError(reply), `${reply.enhanced} ${reply.text}`);
      });
    },
    onClose(session) {
      sessions.close(session.id);
    },
  });
  keepOwnEnhancedCodes(smtp);
  smtp.on('error', () => { /* a client's socket error ends that connection only */ });
  limitSessionLength(smtp, limits.maxSessionMs, `4.4.2 Session longer than ${limits.maxSessionMs} ms, closing connection`);

  await new Promise<void>((resolve, reject) => {
    const net = smtp.listen(options.port, limits.host, () => resolve());
    net.once('error', reject);
  });
  const address = smtp.server.address() as AddressInfo;
  let closed = false;
  /** A re-listen in progress (the net server says `listening` only once it is bound). */
  let reopening = false;
  const open = () => port.running(server) && !port.server(server).inboundBlocked;
  /** Binds the port again; a failure (someone else took it meanwhile) leaves it closed, to be tried on a later sync. */
  const relisten = (then: () => void): void => {
    reopening = true;
    const failed = (): void => {
      reopening = false;
      then();
    };
    smtp.server.once('error', failed);
    smtp.server.listen(address.port, limits.host, () => {
      smtp.server.off('error', failed);
      reopening = false;
      then();
    });
  };
  return {
    server, host: limits.host, port: address.port, received: () => received,
    sync() {
      if (closed || reopening) return;
      const listening = smtp.server.listening;
      if (open() === listening) return;
      // The net server alone: smtp-server's close() would also end the connections already open.
      if (listening) smtp.server.close();
      else relisten(() => {});
    },
    close() {
      closed = true;
      return new Promise<void>((resolve) => {
        // smtp-server's close() ends the open connections; it wants a listening server, so bind again first if the
        // model had it closed (and if the port cannot be had, end the connections by hand).
        const finish = (): void => {
          if (smtp.server.listening) return void smtp.close(() => resolve());
          for (const connection of (smtp as unknown as { connections: Set<{ _socket: Socket }> }).connections) connection._socket.destroy();
          resolve();
        };
        if (smtp.server.listening) finish();
        else if (reopening) smtp.server.once('listening', finish).once('error', finish);
        else relisten(finish);
      });
    },
  };
}
