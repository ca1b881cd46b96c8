// mailparser's reading of a received header block, without its streaming pipeline. The listener hands mailparser only
// a header block (header-block.ts, model-headers.ts), and for that input simpleParser's stream machinery (a Transform,
// mailsplit's Splitter and passthrough, body decoders, several event-loop turns) only wraps two steps: mailsplit's
// Headers splits and unfolds the header section, and MailParser#processHeaders decodes the fields (encoded words,
// addresses, Message-IDs). This calls those same two steps directly, so mailparser still reads every field the model
// sees, and it costs a fraction of simpleParser per message (the wire bench's listener keeps pace with a bare sink).
// test/wire/header-fields.test.ts holds the result equal to simpleParser's on the header blocks the listener meets.
import { createRequire } from 'node:module';
import { MailParser, type HeaderLines, type Headers, type ParsedMail } from 'mailparser';

/** What the model reads of a parsed message (mime-message.ts): simpleParser's result has it too. */
export type ReceivedHeaders = Pick<ParsedMail, 'headers' | 'headerLines' | 'from' | 'cc' | 'subject' | 'messageId' | 'inReplyTo' | 'references'>;

interface HeaderSplitter {
  getList(): HeaderLines;
}

/** mailsplit's Headers, resolved from mailparser's own place: the very splitter (and version) mailparser uses. */
const requireAsMailparser = createRequire(createRequire(import.meta.url).resolve('mailparser'));
const { Headers: MailsplitHeaders } = requireAsMailparser('@zone-eu/mailsplit') as { Headers: new (block: Buffer) => HeaderSplitter };

type DecodeHeaders = (lines: HeaderLines) => Headers;
let processHeaders: DecodeHeaders | null = null;

/**
 * One parser lends its field decoding to every message: processHeaders keeps nothing between calls (it builds a new
 * map from the lines it is given). It is internal to mailparser, hence the check: an upgrade that drops it must fail
 * here, loudly, not parse differently. Made on first use, so only wire mode meets that failure (every CLI command
 * loads this module).
 */
function headerDecoder(): DecodeHeaders {
  if (processHeaders !== null) return processHeaders;
  const decoder = new MailParser() as unknown as { processHeaders?: DecodeHeaders };
  if (typeof decoder.processHeaders !== 'function') {
    throw new Error('mailparser no longer has MailParser#processHeaders: fakes/wire/header-fields.ts must go back to simpleParser');
  }
  return (processHeaders = decoder.processHeaders.bind(decoder));
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * The header section as mailsplit's Splitter takes it: every line up to and including the first empty one (an LF or
 * CRLF alone), or the whole block when it has none (a message without a body, or a header block cut at its cap; the
 * cap keeps it under the Splitter's 1 MiB head limit, so that limit's error cannot arise here).
 */
function headerSection(block: Buffer): Buffer {
  for (let start = 0; start < block.length;) {
    const lf = block.indexOf(LF, start);
    if (lf === -1) break;
    const octets = lf + 1 - start;
    if (octets === 1 || (octets === 2 && block[start] === CR)) return block.subarray(0, lf + 1);
    start = lf + 1;
  }
  return block;
}

/** The fields simpleParser copies from the header map onto its result, by the names it gives them. */
const NAMED_FIELDS = [['from', 'from'], ['cc', 'cc'], ['subject', 'subject'], ['message-id', 'messageId'], ['in-reply-to', 'inReplyTo'], ['references', 'references']] as const;

/** A received header block read as simpleParser reads it (for the fields the model reads). */
export function parseHeaderBlock(block: Buffer): ReceivedHeaders {
  const headerLines = new MailsplitHeaders(headerSection(block)).getList();
  const headers = headerDecoder()(headerLines);
  const parsed: Record<string, unknown> = { headers, headerLines };
  for (const [key, name] of NAMED_FIELDS) {
    if (headers.has(key)) parsed[name] = headers.get(key);
  }
  return parsed as ReceivedHeaders;
}
