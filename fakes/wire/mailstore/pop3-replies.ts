// POP3 replies out of a byte stream (RFC 1939), kept apart from the socket (as smtp-server keeps its parser apart from
// its session): a status line, and for multi-line replies the lines up to the lone "." with byte-stuffing undone. A
// reply may arrive split anywhere across TCP chunks; bytes are kept as bytes so a message's source is not re-encoded.

export interface Pop3Reply {
  readonly ok: boolean;
  /** The status line after +OK / -ERR. */
  readonly text: string;
  /** A multi-line reply's body (CRLF line ends, dot-unstuffed); null for single-line replies and errors. */
  readonly body: Buffer | null;
}

const CRLF = Buffer.from('\r\n');
const TERMINATOR = Buffer.from('\r\n.\r\n');
const DOT = 0x2e;

export class Pop3ReplyReader {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
  }

  /** The next complete reply, or null until more bytes arrive. `multiline`: the command expects a body on +OK. */
  next(multiline: boolean): Pop3Reply | null {
    const statusEnd = this.buffer.indexOf(CRLF);
    if (statusEnd < 0) return null;
    const status = this.buffer.subarray(0, statusEnd).toString('latin1');
    const ok = status.startsWith('+OK');
    if (!ok && !status.startsWith('-ERR')) throw new Error(`POP3: unexpected reply line ${JSON.stringify(status.slice(0, 80))}`);
    const text = status.slice(ok ? 3 : 4).trim();
    if (!ok || !multiline) {
      this.buffer = this.buffer.subarray(statusEnd + 2);
      return { ok, text, body: null };
    }
    // Searching from the status line's own CRLF also finds the terminator of an empty body ("+OK\r\n.\r\n").
    const end = this.buffer.indexOf(TERMINATOR, statusEnd);
    if (end < 0) return null;
    const body = end === statusEnd ? Buffer.alloc(0) : unstuff(this.buffer.subarray(statusEnd + 2, end + 2));
    this.buffer = this.buffer.subarray(end + TERMINATOR.length);
    return { ok, text, body };
  }
}

/** RFC 1939 3: a line that begins with "." was sent with one more "."; take it off. */
function unstuff(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let start = 0;
  while (start < body.length) {
    const lineEnd = body.indexOf(CRLF, start);
    const stop = lineEnd < 0 ? body.length : lineEnd + 2;
    parts.push(body[start] === DOT ? body.subarray(start + 1, stop) : body.subarray(start, stop));
    start = stop;
  }
  return Buffer.concat(parts);
}
