// Watches a message's bytes as they arrive for what RFC 5321 forbids in DATA: a bare LF or bare CR (2.3.8: only
// CRLF ends a line; a lone LF is how `<LF>.<LF>` smuggling slips a second message past a lenient server) and lines
// over 1000 octets with the CRLF (4.5.3.1.6). Pure bookkeeping over chunks; the listener decides what to reply.
export interface DataScan {
  bytes: number;
  bareLineBreaks: number;
  longestLineOctets: number;
  /** Octets of the line being read so far, and whether the last byte seen was a CR. */
  lineOctets: number;
  afterCr: boolean;
}

const CR = 0x0d;
const LF = 0x0a;

export function newDataScan(): DataScan {
  return { bytes: 0, bareLineBreaks: 0, longestLineOctets: 0, lineOctets: 0, afterCr: false };
}

export function scanChunk(scan: DataScan, chunk: Uint8Array): void {
  scan.bytes += chunk.length;
  for (const byte of chunk) {
    if (byte === LF) {
      if (!scan.afterCr) scan.bareLineBreaks++;
      scan.longestLineOctets = Math.max(scan.longestLineOctets, scan.lineOctets);
      scan.lineOctets = 0;
      scan.afterCr = false;
      continue;
    }
    // A CR not followed by LF is bare too.
    if (scan.afterCr) scan.bareLineBreaks++;
    scan.afterCr = byte === CR;
    if (byte !== CR) scan.lineOctets++;
  }
}

/** At the end of DATA: a trailing CR without its LF is bare; the last line counts towards the longest. */
export function finishScan(scan: DataScan): DataScan {
  if (scan.afterCr) scan.bareLineBreaks++;
  scan.longestLineOctets = Math.max(scan.longestLineOctets, scan.lineOctets);
  scan.afterCr = false;
  scan.lineOctets = 0;
  return scan;
}
