// A limit on how long one SMTP connection may last, busy or not. smtp-server's socketTimeout is an idle timeout that
// restarts at every byte, so a client trickling 8 bytes every 20 s inside DATA held its connection forever, and
// maxClients (1,000) such clients locked everyone else out (the next connection got 421). smtp-server has no option
// for a session's length (3.x: maxClients, socketTimeout, closeTimeout only), so the listener keeps its own deadline.
import type { Socket } from 'node:net';
import type { SMTPServer } from 'smtp-server';

/**
 * Each connection `smtp` accepts is answered `421` with `text` and closed `maxMs` after it was accepted, wherever it
 * is in the protocol (in DATA too: the message is not taken). The timer never keeps the process alive.
 */
export function limitSessionLength(smtp: SMTPServer, maxMs: number, text: string): void {
  smtp.server.on('connection', (socket: Socket) => {
    const deadline = setTimeout(() => endSession(smtp, socket, text), maxMs);
    deadline.unref();
    socket.once('close', () => clearTimeout(deadline));
  });
}

function endSession(smtp: SMTPServer, socket: Socket, text: string): void {
  for (const connection of smtp.connections) {
    // After STARTTLS the connection talks through a TLS socket wrapped around the one accepted (its _parent).
    const current = (connection as unknown as { _socket: Socket & { _parent?: Socket } })._socket;
    // smtp-server's send() closes the connection after a 421, and bounds a client that never closes its side.
    if (current === socket || current._parent === socket) return connection.send(421, text);
  }
  // Not (or no longer) one of smtp-server's connections: nothing to say, only to close.
  socket.destroy();
}
