// Collects a message's header block (up to the blank line) as the data streams in: the model reads headers only
// (Message-ID, addresses, Subject, In-Reply-To, References, Thread-Index), so mailparser parses just that part and
// the body is counted, never kept (the listener keeps pace with a bare sink, and a 36 MB message costs no memory).
const BLANK_LINE = Buffer.from('\r\n\r\n');
/** Headers beyond this are not read (RFC 5322 sets no limit; real servers cap them around 64 KB to 1 MB). */
export const MAX_HEADER_BYTES = 1_048_576;

export class HeaderBlock {
  private chunks: Buffer[] = [];
  private length = 0;
  private done = false;

  /** Takes the next chunk; true when it completed the header block. */
  add(chunk: Buffer): boolean {
    if (this.done) return false;
    // Search from just before the new chunk, so a blank line split across chunks is found.
    const from = Math.max(0, this.length - 3);
    this.chunks.push(chunk);
    this.length += chunk.length;
    const soFar = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks, this.length);
    this.chunks = [soFar];
    const blank = soFar.indexOf(BLANK_LINE, from);
    if (blank !== -1) {
      this.chunks = [soFar.subarray(0, blank + BLANK_LINE.length)];
      this.length = blank + BLANK_LINE.length;
      this.done = true;
    } else if (this.length >= MAX_HEADER_BYTES) {
      this.done = true;
    }
    return this.done;
  }

  /** The header block (the whole message when it has no body). */
  bytes(): Buffer {
    return this.chunks.length === 1 ? this.chunks[0] as Buffer : Buffer.concat(this.chunks, this.length);
  }
}
