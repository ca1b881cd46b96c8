// The bytes of the message a copy carries inside it (a message/rfc822 part: R2, a copy forwarded as an attachment),
// found in the MIME tree as it is. mailparser lists such a part as an attachment only when its disposition says
// `attachment` (Exchange's rules do); one marked `inline` it flattens into the body text, Message-ID and all, and the
// original would be lost to the ledger. Its author's advice is to read the tree with mailsplit, which this does.
import { finished } from 'node:stream/promises';
import { Splitter, type MimeNode, type SplitterChunk } from '@zone-eu/mailsplit';

/** The first message/rfc822 part below the top, decoded from its transfer encoding; null when there is none. */
export async function embeddedMessage(raw: Buffer): Promise<Buffer | null> {
  // `ignoreEmbedded`: an embedded message is a leaf whose body is its bytes, not a tree to descend into.
  const splitter = new Splitter({ ignoreEmbedded: true });
  let part: MimeNode | null = null;
  const body: Buffer[] = [];
  splitter.on('data', (chunk: SplitterChunk) => {
    if (chunk.type === 'node') {
      if (part === null && !chunk.root && chunk.contentType === 'message/rfc822') part = chunk as MimeNode;
    } else if (chunk.type === 'body' && part !== null && chunk.node === part) {
      body.push(chunk.value);
    }
  });
  splitter.end(raw);
  await finished(splitter);
  const found = part as MimeNode | null;
  return found === null ? null : decoded(found, Buffer.concat(body));
}

/** A part's body without its transfer encoding (message/rfc822 should be 7bit or 8bit; some senders base64 it). */
function decoded(part: MimeNode, bytes: Buffer): Promise<Buffer> {
  const decoder = part.getDecoder();
  const out: Buffer[] = [];
  return new Promise((resolve, reject) => {
    decoder.on('data', (chunk: Buffer) => out.push(chunk));
    decoder.once('end', () => resolve(Buffer.concat(out)));
    decoder.once('error', reject);
    decoder.end(bytes);
  });
}
