// Watches a message's bytes as they arrive for what RFC 5321 forbids in DATA: a bare LF or bare CR (2.3.8: only
// CRLF ends a line; a lone LF is how `<LF>.<LF>` smuggling slips a second message past a lenient server) and lines
// over 1000 octets with the CRLF (4.5.3.1.6). Pure bookkeeping over chunks; the listener decides what to reply.
// It also digests the body (body-digest.ts), so a client's resend with a new Message-ID is known by its content.
import { BodyDigest } from './body-digest.js';

export interface DataScan {
  bytes: number;
  bareLineBreaks: number;
  longestLineOctets: number;
  /** Octets of the line being read so far, and whether the last byte seen was a CR (not yet counted in it). */
  lineOctets: number;
  afterCr: boolean;
  /** The body's digest, read once the data has ended (resend-chains.ts). */
  readonly body: BodyDigest;
}

const CR = 0x0d;
const LF = 0x0a;

export function newDataScan(): DataScan {
  return { bytes: 0, bareLineBreaks: 0, longestLineOctets: 0, lineOctets: 0, afterCr: false, body: new BodyDigest() };
}

/** Scans a chunk with indexOf (native) rather than byte by byte: the listener must keep up with a bare sink. */
export function scanChunk(scan: DataScan, chunk: Buffer): void {
  scan.bytes += chunk.length;
  if (chunk.length === 0) return;
  scan.body.add(chunk);
  // A CR that ended the previous chunk is bare unless this one starts with its LF.
  if (scan.afterCr && chunk[0] !== LF) scan.bareLineBreaks++;
  let start = 0;
  for (let lf = chunk.indexOf(LF); lf !== -1; lf = chunk.indexOf(LF, start)) {
    const crlf = lf > 0 ? chunk[lf - 1] === CR : scan.afterCr;
    if (!crlf) scan.bareLineBreaks++;
    const octets = scan.lineOctets + (lf - start) - (crlf && lf > 0 ? 1 : 0);
    scan.longestLineOctets = Math.max(scan.longestLineOctets, octets);
    scan.bareLineBreaks += bareCrs(chunk, start, crlf && lf > 0 ? lf - 1 : lf);
    scan.lineOctets = 0;
    start = lf + 1;
  }
  // The rest is an unfinished line; a CR at its very end may yet be followed by an LF.
  const endsWithCr = chunk[chunk.length - 1] === CR;
  const restEnd = endsWithCr ? chunk.length - 1 : chunk.length;
  if (start < chunk.length) {
    scan.bareLineBreaks += bareCrs(chunk, start, restEnd);
    scan.lineOctets += restEnd - start;
  }
  scan.afterCr = endsWithCr && start < chunk.length;
}

/** CRs in chunk[from, to): inside a line every CR is bare. */
function bareCrs(chunk: Buffer, from: number, to: number): number {
  let count = 0;
  for (let cr = chunk.indexOf(CR, from); cr !== -1 && cr < to; cr = chunk.indexOf(CR, cr + 1)) count++;
  return count;
}

/** At the end of DATA: a trailing CR without its LF is bare; the last line counts towards the longest. */
export function finishScan(scan: DataScan): DataScan {
  if (scan.afterCr) scan.bareLineBreaks++;
  scan.longestLineOctets = Math.max(scan.longestLineOctets, scan.lineOctets);
  scan.afterCr = false;
  scan.lineOctets = 0;
  return scan;
}
