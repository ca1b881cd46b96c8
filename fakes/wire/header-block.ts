// Collects a message's header block (up to the blank line) as the data streams in: the model reads headers only
// (Message-ID, addresses, Subject, In-Reply-To, References, Thread-Index), so mailparser parses just that part and
// the body is counted, never kept (the listener keeps pace with a bare sink, and a 36 MB message costs no memory).
const BLANK_LINE = Buffer.from('\r\n\r\n');
/** Headers beyond this are not read (RFC 5322 sets no limit; real servers cap them around 64 KB to 1 MB). */
export const MAX_HEADER_BYTES = 262_144;

export class HeaderBlock {
  private chunks: Buffer[] = [];
  private length = 0;
  private done = false;
  /** The last bytes seen (at most 3), so a blank line split across chunks is found without joining them all. */
  private tail: Buffer = Buffer.alloc(0);

  /**
   * Takes the next chunk; true when it completed the header block. Each chunk is searched once with the few bytes
   * before it, so a client trickling its headers a byte at a time costs linear, not quadratic, work.
   */
  add(chunk: Buffer): boolean {
    if (this.done) return false;
    const window = this.tail.length === 0 ? chunk : Buffer.concat([this.tail, chunk]);
    const blank = window.indexOf(BLANK_LINE);
    if (blank !== -1) {
      // The block ends `keep` bytes into this chunk (the window starts `tail.length` bytes before it).
      const keep = blank + BLANK_LINE.length - this.tail.length;
      this.chunks.push(chunk.subarray(0, keep));
      this.length += keep;
      this.done = true;
      return true;
    }
    this.chunks.push(chunk);
    this.length += chunk.length;
    this.tail = window.subarray(Math.max(0, window.length - (BLANK_LINE.length - 1)));
    if (this.length >= MAX_HEADER_BYTES) this.done = true;
    return this.done;
  }

  /** The header block (the whole message when it has no body). */
  bytes(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.length)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }
}
