// The trace of a run: every event is folded into a SHA-256 hash as it happens (so a million-message run keeps no
// trace in memory), and optionally handed to a sink that writes it out. Same scenario and seed => same hash.
import { createHash, type Hash } from 'node:crypto';

/** Kinds of trace records, in the order their numeric codes are hashed (append only: codes are part of the hash). */
export const TRACE_KINDS = ['start', 'timer', 'message', 'fault', 'request', 'drop', 'note', 'ledger'] as const;
export type TraceKind = (typeof TRACE_KINDS)[number];

/** One trace record as a sink sees it. `actor` and `peer` are actor names; `detail` is free text from the model. */
export interface TraceRecord {
  timeMs: number;
  seq: number;
  kind: TraceKind;
  actor: string;
  tag: string;
  peer?: string;
  detail?: string;
}

export type TraceSink = (record: TraceRecord) => void;

const CHUNK_BYTES = 64 * 1024;
const RECORD_BYTES = 8 + 8 + 4 + 4 + 4 + 4;

/**
 * Streams canonical records into SHA-256. Fixed-width numeric fields are packed into a reusable buffer that is
 * hashed a chunk at a time: one `update` per 64 KiB instead of one per event keeps hashing cheap.
 */
export class TraceHasher {
  private readonly hash: Hash = createHash('sha256');
  private readonly buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private offset = 0;

  /** A record of numbers only: actor and tag are interned ids whose names were hashed when first seen. */
  record(timeMs: number, seq: number, kind: number, actor: number, tag: number, peer: number): void {
    if (this.offset + RECORD_BYTES > CHUNK_BYTES) this.flush();
    const b = this.buffer;
    let o = this.offset;
    b.writeDoubleLE(timeMs, o);
    b.writeDoubleLE(seq, o + 8);
    b.writeInt32LE(kind, o + 16);
    b.writeInt32LE(actor, o + 20);
    b.writeInt32LE(tag, o + 24);
    b.writeInt32LE(peer, o + 28);
    o += RECORD_BYTES;
    this.offset = o;
  }

  /** Free text (interned names, model notes), length-prefixed so "ab"+"c" and "a"+"bc" hash differently. */
  text(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    if (this.offset + 4 + bytes.length > CHUNK_BYTES) this.flush();
    if (4 + bytes.length > CHUNK_BYTES) {
      const length = Buffer.allocUnsafe(4);
      length.writeInt32LE(bytes.length, 0);
      this.hash.update(length);
      this.hash.update(bytes);
      return;
    }
    this.buffer.writeInt32LE(bytes.length, this.offset);
    bytes.copy(this.buffer, this.offset + 4);
    this.offset += 4 + bytes.length;
  }

  /** The hex digest of everything recorded so far; recording may go on afterwards. */
  digest(): string {
    this.flush();
    return this.hash.copy().digest('hex');
  }

  private flush(): void {
    if (this.offset > 0) this.hash.update(this.buffer.subarray(0, this.offset));
    this.offset = 0;
  }
}
