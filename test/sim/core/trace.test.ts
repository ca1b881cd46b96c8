import { describe, expect, it } from 'vitest';
import { TraceHasher, type FactWriter, type TextOut } from '../../../sim/core/trace.js';

/** A writer whose fact `ref` is pieces[ref], written piece by piece. */
function writerOf(pieces: ReadonlyArray<ReadonlyArray<string | number>>): FactWriter {
  return {
    writeFact(ref: number, out: TextOut) {
      for (const piece of pieces[ref] ?? []) {
        if (typeof piece === 'number') out.writeNumber(piece);
        else out.write(piece);
      }
    },
  };
}

describe('TraceHasher.factText', () => {
  it('hashes a streamed fact exactly as the same text, ASCII or not, short or longer than a chunk', () => {
    const facts = [
      ['<m1@x> ', 'from a@x to ', 'b@y'],
      ['<m2@x> ', 'sss: reason ', 6, ', correlation ', -1],
      ['<m3@x> ', 'Réception/Boîte ', 'de réception', ' (user, eligible) ', '\u{1F4E7}'],
      ['<m4@x> ', 'x'.repeat(70_000)],
      ['<m5@x> ', 'é'.repeat(40_000)],
      ['', ''],
    ];
    const writer = writerOf(facts);
    const streamed = new TraceHasher();
    const text = new TraceHasher();
    // Enough records between facts that streaming starts at every offset in a chunk, and crosses chunk ends.
    for (let round = 0; round < 300; round++) {
      for (let ref = 0; ref < facts.length; ref++) {
        streamed.record(round, ref, 7, -1, ref, -1);
        text.record(round, ref, 7, -1, ref, -1);
        streamed.factText(writer, ref);
        text.text((facts[ref] ?? []).join(''));
      }
    }
    expect(streamed.digest()).toBe(text.digest());
  });
});
