// A digest of a message's body as it streams in, so a resend can be told by its content (resend-chains.ts): an app
// mailer that retries after a lost 250 builds the message anew, with a new Message-ID and Date (header fields, not
// hashed) and, for multipart mail, new MIME boundaries (nodemailer draws `--_NmP-<random>-Part_n` per message). So
// lines that start with `--` (boundary delimiters) and lines declaring a `boundary=` are left out; everything else
// after the header block counts. [I] A text line of its own starting with `--` is left out too: two bodies that differ
// only there read as the same, a small price beside missing every multipart resend. The body itself is never kept.
import { createHash, type Hash } from 'node:crypto';

const LF = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;
const BOUNDARY_PARAM = Buffer.from('oundary=');

export class BodyDigest {
  private readonly hash: Hash = createHash('sha256');
  private inBody = false;
  /** The start of a line the last chunk did not finish (copied: the stream may reuse its buffer). */
  private partial: Buffer | null = null;
  private digest: string | null = null;

  /** Kept lines are hashed in runs, one update per run rather than per line: the listener must keep up with a sink. */
  add(chunk: Buffer): void {
    let start = 0;
    let run = 0;
    let param = chunk.indexOf(BOUNDARY_PARAM);
    for (let lf = chunk.indexOf(LF); lf !== -1; lf = chunk.indexOf(LF, start)) {
      if (this.partial !== null) {
        this.line(Buffer.concat([this.partial, chunk.subarray(0, lf + 1)]));
        this.partial = null;
        run = lf + 1;
      } else if (!this.inBody) {
        this.line(chunk.subarray(start, lf + 1));
        run = lf + 1;
      } else if (this.skipped(chunk, start, lf, param)) {
        if (run < start) this.hash.update(chunk.subarray(run, start));
        run = lf + 1;
      }
      start = lf + 1;
      if (param !== -1 && param < start) param = chunk.indexOf(BOUNDARY_PARAM, start);
    }
    if (this.inBody && run < start) this.hash.update(chunk.subarray(run, start));
    if (start < chunk.length) {
      // Still no line break since the last one: the unfinished line grows.
      const rest = Buffer.from(chunk.subarray(start));
      this.partial = this.partial === null ? rest : Buffer.concat([this.partial, rest]);
    }
  }

  /** Hex digest of what counted; the first call ends the stream (an unfinished last line counts). */
  finish(): string {
    if (this.digest !== null) return this.digest;
    if (this.partial !== null) this.line(this.partial);
    this.partial = null;
    this.digest = this.hash.digest('hex');
    return this.digest;
  }

  /** A line on its own (the header block's, or one split across chunks), with its line break. */
  private line(line: Buffer): void {
    if (!this.inBody) {
      // The header block ends at the first empty line.
      if (line.length <= 2 && (line.length === 0 || line[0] === CR || line[0] === LF)) this.inBody = true;
      return;
    }
    if (!this.skipped(line, 0, line.length, line.indexOf(BOUNDARY_PARAM))) this.hash.update(line);
  }

  /** A boundary delimiter (`--...`) or a `boundary=` declaration: `param` is the next `oundary=` at or after `from`. */
  private skipped(buffer: Buffer, from: number, to: number, param: number): boolean {
    if (to - from >= 2 && buffer[from] === DASH && buffer[from + 1] === DASH) return true;
    return param !== -1 && param < to;
  }
}
