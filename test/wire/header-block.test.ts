// The header block as DATA streams in: found whatever the chunking (the blank line split across chunks), the same
// bytes as the message up to and including its blank line, and capped for a client that never ends its headers.
import { describe, expect, it } from 'vitest';
import { HeaderBlock, MAX_HEADER_BYTES } from '../../fakes/wire/header-block.js';

const HEADERS = 'From: carol@fabrikam.example\r\nTo: paul@contoso.example\r\nSubject: split\r\n\r\n';
const MESSAGE = Buffer.from(`${HEADERS}body line\r\n\r\nmore body\r\n`);

function feed(chunks: readonly Buffer[]): { block: HeaderBlock; doneAt: number } {
  const block = new HeaderBlock();
  let doneAt = -1;
  chunks.forEach((chunk, i) => { if (block.add(chunk) && doneAt === -1) doneAt = i; });
  return { block, doneAt };
}

describe('HeaderBlock', () => {
  it('finds the blank line at every split into two chunks, and in one-byte chunks', () => {
    for (let at = 0; at <= MESSAGE.length; at++) {
      const { block } = feed([MESSAGE.subarray(0, at), MESSAGE.subarray(at)]);
      expect(block.bytes().toString(), `split at ${at}`).toBe(HEADERS);
    }
    const bytes = [...MESSAGE].map((b) => Buffer.from([b]));
    const { block, doneAt } = feed(bytes);
    expect(block.bytes().toString()).toBe(HEADERS);
    expect(doneAt).toBe(HEADERS.length - 1);
  });

  it('keeps the whole message when it has no blank line, and stops collecting at the cap', () => {
    expect(feed([Buffer.from('From: a@b.example\r\n')]).block.bytes().toString()).toBe('From: a@b.example\r\n');
    const line = Buffer.from(`X-Filler: ${'x'.repeat(1_000)}\r\n`);
    const { block, doneAt } = feed(Array.from({ length: Math.ceil(MAX_HEADER_BYTES / line.length) + 10 }, () => line));
    expect(doneAt).toBe(Math.ceil(MAX_HEADER_BYTES / line.length) - 1);
    expect(block.bytes().length).toBeGreaterThanOrEqual(MAX_HEADER_BYTES);
    expect(block.bytes().length).toBeLessThan(MAX_HEADER_BYTES + line.length);
  });
});
