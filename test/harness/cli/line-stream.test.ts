// Off a terminal, a progress bar that stops prints its last state unless that very line was the last one printed.
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { LineStream } from '../../../harness/cli/line-stream.js';

function captured() {
  const target = new PassThrough();
  const chunks: string[] = [];
  target.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return { lines: new LineStream(target), text: () => chunks.join('') };
}

describe('LineStream', () => {
  it('leaves out only a repeat of the last line, and only while the bar stops', () => {
    const { lines, text } = captured();
    lines.write('a');
    lines.write('\n');
    lines.write('a'); // a repeat outside stop() is the bar's own business
    lines.write('\n');
    lines.whileStopping(() => {
      lines.write('a');
      lines.write('\n');
    });
    expect(text()).toBe('a\na\n');
    lines.write('b');
    lines.write('\n');
    lines.whileStopping(() => {
      lines.write('c');
      lines.write('\n');
    });
    expect(text()).toBe('a\na\nb\nc\n');
  });
});
