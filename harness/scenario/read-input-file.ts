// Input files are read whole into memory, so each is checked first. It must be a regular file (symlinks followed):
// a device or FIFO may never end (`mailflow validate /dev/zero` grew to 15 GB before Node aborted). And it must be no
// larger than its kind's limit (a 50 MB scenario took minutes and 4 GB in the YAML parser, saying nothing). Each
// refusal says why, and the limit, in a plain Error the caller names the file in.
import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { MAX_ROUTER_FILE_BYTES } from '../../fakes/router/router-xml.js';

const MB = 1024 * 1024;

/** A limit on one kind of input file: its size, and what the kind is called in the message. */
export interface InputLimit {
  readonly bytes: number;
  readonly kind: string;
}

/** Scenarios and plans: the largest shipped is 140 KB; parsing 16 MB of YAML already takes half a minute. */
export const YAML_LIMIT: InputLimit = { bytes: 16 * MB, kind: 'a scenario or plan file' };
/** Replayed messages: above Exchange's 36 MB maxMessageSize (docs/exchange.md), so an over-size one can be replayed. */
export const EML_LIMIT: InputLimit = { bytes: 64 * MB, kind: 'an .eml message' };
/** The router's files: the migration wizard's own limit (S14), which parsing them checks too. */
export const ROUTER_FILE_LIMIT: InputLimit = { bytes: MAX_ROUTER_FILE_BYTES, kind: 'a router file (S14)' };
/** `mailflow fuzz --json` results, for `fuzz merge`: a few kilobytes each. */
export const FUZZ_RESULT_LIMIT: InputLimit = { bytes: 16 * MB, kind: 'a fuzz result' };

/** The file's bytes, or an Error that says why they are not read (not a regular file; over the limit). */
export function readInputFile(file: string, limit: InputLimit): Buffer {
  const stats = statSync(file);
  // Checked before it is opened: opening a FIFO waits for a writer, perhaps forever.
  if (!stats.isFile()) throw new Error(`not a regular file (${kindOf(stats)}): give the path of a file`);
  const tooLarge = (bytes: string) => new Error(`${bytes} bytes, over the limit of ${sizeText(limit.bytes)} for ${limit.kind}`);
  if (stats.size > limit.bytes) throw tooLarge(String(stats.size));
  const fd = openSync(file, 'r');
  try {
    // Read up to the limit and no further, whatever the size said: a file may grow, and /proc's say 0.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(MB, limit.bytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) return Buffer.concat(chunks, total);
      total += read;
      if (total > limit.bytes) throw tooLarge(`more than ${limit.bytes}`);
      chunks.push(chunk.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a FIFO or pipe';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

function sizeText(bytes: number): string {
  return bytes % MB === 0 ? `${bytes / MB} MB` : `${bytes} bytes`;
}
