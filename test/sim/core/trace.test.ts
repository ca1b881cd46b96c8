import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TraceHasher, type CodeOut, type FactWriter } from '../../../sim/core/trace.js';

/** What `text` promises: a 4-byte little-endian length, then the UTF-8 bytes, as one stream. */
function referenceTextHash(values: readonly string[]): string {
  const hash = createHash('sha256');
  for (const value of values) {
    const bytes = Buffer.from(value, 'utf8');
    const length = Buffer.alloc(4);
    length.writeInt32LE(bytes.length, 0);
    hash.update(length);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

describe('TraceHasher.text', () => {
  it('hashes length-prefixed UTF-8, ASCII or not, short or longer than a chunk, wherever a chunk ends', () => {
    const values = ['', 'a', '<m1@x> from a@x to b@y', 'Réception/Boîte de réception', '\u{1F4E7} mail', 'x'.repeat(70_000), 'é'.repeat(40_000), 'y'.repeat(21_000)];
    const hasher = new TraceHasher();
    const expected: string[] = [];
    // Enough rounds that every value starts at many offsets in a chunk and crosses chunk ends.
    for (let round = 0; round < 40; round++) {
      for (const value of values) {
        hasher.text(value);
        expected.push(value);
      }
      hasher.text(String(round));
      expected.push(String(round));
    }
    expect(hasher.digest()).toBe(referenceTextHash(expected));
  });
});

describe('TraceHasher.fact', () => {
  /** Facts as codes: each a list of numbers (codes) and strings (texts). */
  const writerOf = (facts: ReadonlyArray<ReadonlyArray<number | string>>): FactWriter => ({
    writeFact: () => {},
    hashFact(ref: number, out: CodeOut) {
      for (const part of facts[ref] ?? []) {
        if (typeof part === 'number') out.code(part);
        else out.text(part);
      }
    },
  });
  const digestOf = (facts: ReadonlyArray<ReadonlyArray<number | string>>): string => {
    const hasher = new TraceHasher();
    const writer = writerOf(facts);
    for (let ref = 0; ref < facts.length; ref++) hasher.fact(writer, ref);
    return hasher.digest();
  };

  it('hashes the writer\'s codes: the same codes give the same hash, any code changed another', () => {
    const facts = [[3, 1, 'a@x'], [4, 0], [2, 2, 7, 'b@y']];
    expect(digestOf(facts)).toBe(digestOf(facts.map((f) => [...f])));
    expect(digestOf([[3, 1, 'a@x'], [4, 1], [2, 2, 7, 'b@y']])).not.toBe(digestOf(facts));
    expect(digestOf([[3, 1, 'a@y'], [4, 0], [2, 2, 7, 'b@y']])).not.toBe(digestOf(facts));
  });
});
