// A small POP3 client (RFC 1939: USER/PASS, UIDL, RETR, DELE, QUIT) over one loopback socket, one command at a time.
// Hand-written rather than node-pop3 0.11: that client looks for the end of a reply only at the end of a TCP chunk
// and does not undo byte-stuffing, so a message with a line starting "." came back altered; the router must see
// the bytes the server holds.
import { Socket } from 'node:net';
import type { MailboxLogin } from './mailbox-session.js';
import { Pop3ReplyReader, type Pop3Reply } from './pop3-replies.js';

interface Waiting {
  readonly multiline: boolean;
  resolve(reply: Pop3Reply): void;
  reject(error: Error): void;
}

export class Pop3Client {
  private readonly reader = new Pop3ReplyReader();
  private waiting: Waiting | null = null;
  private failure: Error | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.reader.push(chunk);
      this.deliver();
    });
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('POP3: connection closed')));
  }

  /** Connects, reads the greeting and logs in with USER/PASS. */
  static async connect(login: MailboxLogin): Promise<Pop3Client> {
    const socket = new Socket();
    socket.setTimeout(login.timeoutMs ?? 10_000, () => socket.destroy(new Error('POP3: socket timeout')));
    const client = new Pop3Client(socket);
    const greeting = client.expect(false);
    socket.connect(login.port, login.host);
    await client.ok('greeting', greeting);
    await client.command(`USER ${login.user}`);
    await client.command(`PASS ${login.password}`, false, 'PASS ***');
    return client;
  }

  /** UIDL: message number -> unique id, in mailbox order. */
  async uidl(): Promise<Array<{ readonly number: number; readonly uid: string }>> {
    const reply = await this.command('UIDL', true);
    return (reply.body ?? Buffer.alloc(0)).toString('latin1').split('\r\n').filter((l) => l !== '').map((line) => {
      const [number, uid] = line.split(' ');
      return { number: Number(number), uid: uid ?? '' };
    });
  }

  async retr(number: number): Promise<Buffer> {
    return (await this.command(`RETR ${number}`, true)).body ?? Buffer.alloc(0);
  }

  async dele(number: number): Promise<void> {
    await this.command(`DELE ${number}`);
  }

  /** QUIT: the server enters UPDATE and removes what was DELEted, then closes. */
  async quit(): Promise<void> {
    await this.command('QUIT');
    this.socket.end();
  }

  destroy(): void {
    this.failure ??= new Error('POP3: session abandoned');
    this.socket.destroy();
  }

  /** Sends one command after the previous one finished; rejects on -ERR. `shown`: the command as errors print it. */
  command(line: string, multiline = false, shown = line): Promise<Pop3Reply> {
    const run = async (): Promise<Pop3Reply> => {
      const reply = this.expect(multiline);
      this.socket.write(`${line}\r\n`);
      return this.ok(shown, reply);
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async ok(what: string, reply: Promise<Pop3Reply>): Promise<Pop3Reply> {
    const answer = await reply;
    if (!answer.ok) throw new Error(`POP3 ${what}: -ERR ${answer.text}`);
    return answer;
  }

  private expect(multiline: boolean): Promise<Pop3Reply> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { multiline, resolve, reject };
      this.deliver();
    });
  }

  private deliver(): void {
    const waiting = this.waiting;
    if (waiting === null) return;
    let reply: Pop3Reply | null;
    try {
      reply = this.reader.next(waiting.multiline);
    } catch (error) {
      this.fail(error as Error);
      return;
    }
    if (reply === null) return;
    this.waiting = null;
    waiting.resolve(reply);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(this.failure);
  }
}
