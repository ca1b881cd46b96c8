// The header fields the model reads, picked out of a received header block before mailparser parses it: mailparser's
// cost grows with each field it decodes (Date, Content-Type's parameters, Received, DKIM-Signature...), and the model
// reads none of those. This only selects whole fields by name (RFC 5322 2.2: a field starts at a line that does not
// begin with a space or tab); decoding stays mailparser's.
const LF = 0x0a;
const SP = 0x20;
const HT = 0x09;

/** Fields messageFromWire reads (mime-message.ts), besides any X- field. */
const READ = new Set(['from', 'cc', 'subject', 'message-id', 'in-reply-to', 'references', 'thread-index']);
/** A well-formed field name (RFC 5322 3.6.8: printable ASCII but the colon) followed by its colon. */
const FIELD_NAME = /^([!-9;-~]+):/;

function read(name: string): boolean {
  const lower = name.toLowerCase();
  return READ.has(lower) || lower.startsWith('x-');
}

/**
 * The block with the fields the model does not read taken out, continuation lines and all. Anything that is not a
 * well-formed field (a stray line, the blank line that ends the block) is kept as it is, so mailparser sees it.
 */
export function modelHeaders(block: Buffer): Buffer {
  const kept: Buffer[] = [];
  let keeping = true;
  let dropped = false;
  for (let start = 0; start < block.length;) {
    const lf = block.indexOf(LF, start);
    const end = lf === -1 ? block.length : lf + 1;
    const first = block[start];
    if (first !== SP && first !== HT) {
      const name = FIELD_NAME.exec(block.toString('latin1', start, Math.min(end, start + 80)))?.[1];
      keeping = name === undefined || read(name);
    }
    if (keeping) kept.push(block.subarray(start, end));
    else dropped = true;
    start = end;
  }
  return dropped ? Buffer.concat(kept) : block;
}
