// The DATA scan finds bare LF and bare CR (RFC 5321 2.3.8) and the longest line, however the bytes are split into
// chunks: checked against a byte-by-byte reference over random inputs and split points.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { finishScan, newDataScan, scanChunk } from '../../fakes/wire/data-scan.js';

function reference(bytes: Buffer): { bare: number; longest: number } {
  let bare = 0;
  let longest = 0;
  let line = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0d && bytes[i + 1] === 0x0a) { longest = Math.max(longest, line); line = 0; i++; continue; }
    if (b === 0x0a || b === 0x0d) { bare++; longest = Math.max(longest, line); line = 0; continue; }
    line++;
  }
  return { bare, longest: Math.max(longest, line) };
}

function scanIn(bytes: Buffer, cuts: number[]): { bare: number; longest: number } {
  const scan = newDataScan();
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    scanChunk(scan, bytes.subarray(from, cut));
    from = cut;
  }
  finishScan(scan);
  return { bare: scan.bareLineBreaks, longest: scan.longestLineOctets };
}

describe('data scan', () => {
  it('counts what a smuggling payload hides', () => {
    const payload = Buffer.from('Subject: a\r\n\r\nhello\n.\nMAIL FROM:<x>\r\n.\r\n');
    expect(scanIn(payload, []).bare).toBe(2);
    expect(scanIn(Buffer.from('ok\r\nfine\r\n'), []).bare).toBe(0);
    expect(scanIn(Buffer.from('a\r\r\nb'), [2]).bare).toBe(1);
  });

  it('agrees with a byte-by-byte reference for any bytes and any chunking', () => {
    const byte = fc.constantFrom(0x0d, 0x0a, 0x2e, 0x61);
    fc.assert(fc.property(fc.array(byte, { maxLength: 40 }), fc.array(fc.nat(40), { maxLength: 4 }), (values, cutsRaw) => {
      const bytes = Buffer.from(values);
      const cuts = [...new Set(cutsRaw.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
      const expected = reference(bytes);
      const actual = scanIn(bytes, cuts);
      expect(actual.bare).toBe(expected.bare);
      // A message with a bare CR or LF is refused before its line lengths matter.
      if (expected.bare === 0) expect(actual.longest).toBe(expected.longest);
    }), { seed: 11, numRuns: 2_000 });
  });
});
