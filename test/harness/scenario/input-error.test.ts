// An input problem is one line naming the file, line, column and field path; the key and the values it quotes are
// the input's, so their control characters are shown, not obeyed (the security review: a YAML key retitled the
// terminal and cleared it, from `mailflow validate`).
import { describe, expect, it } from 'vitest';
import { formatProblem, InputError } from '../../../harness/scenario/input-error.js';
import { holdsControlCharacters } from '../../../harness/scenario/terminal-text.js';

const TITLE = '\u001b]0;PWNED-TERM-TITLE\u0007\u001b[2J';

describe('formatProblem', () => {
  it('shows a hostile key, value and file name as escapes, on one line', () => {
    const text = formatProblem({ file: 'a\u202eb.yaml', line: 6, column: 1, path: `${TITLE}key`, message: `no actor named '${TITLE}\nb.yaml:1:1: all good'` });
    expect(holdsControlCharacters(text)).toBe(false);
    expect(text.split('\n')).toHaveLength(1);
    expect(text).toBe("a\\u202eb.yaml:6:1: \\u001b]0;PWNED-TERM-TITLE\\u0007\\u001b[2Jkey: no actor named '\\u001b]0;PWNED-TERM-TITLE\\u0007\\u001b[2J\\nb.yaml:1:1: all good'");
  });

  it('keeps one problem a line in an InputError of several', () => {
    const error = new InputError([
      { file: 's.yaml', line: 2, column: 1, path: 'x\ny', message: 'unknown field' },
      { file: 's.yaml', line: 3, column: 1, path: 'z', message: 'unknown field' },
    ]);
    expect(error.message.split('\n')).toEqual(['s.yaml:2:1: x\\ny: unknown field', 's.yaml:3:1: z: unknown field']);
  });

  it('leaves an ordinary problem as it was', () => {
    expect(formatProblem({ file: 'Bestellung.yaml', line: 4, column: 3, path: 'faults[0].target', message: "no actor named 'Müller' (known actors: ex1)" }))
      .toBe("Bestellung.yaml:4:3: faults[0].target: no actor named 'Müller' (known actors: ex1)");
  });
});
