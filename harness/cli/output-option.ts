// The value of an output option is read as a file name only when it can be one. One that starts with `-` is an
// option given where the name was forgotten: `mailflow run s.yaml --report --json` wrote the report to a file named
// `--json` and printed text instead of JSON. An empty one names nothing, and failed only after the whole run. Both
// are refused as the command line is read (exit 2). So is one holding a line break or another control character:
// the path is printed again where it must stay one line (a counterexample's `# Replay:` header, whose second half
// became YAML that its own replay refused; a replay or reproduce line to paste), and `fuzz merge` refuses a
// counterexample path with any of them (harness/fuzz/counterexample-path.ts).
import { InvalidArgumentError } from 'commander';
import { holdsControlCharacters, oneLineText } from '../scenario/terminal-text.js';

/** A commander argument parser for `option` (`--report`); `kind`: what it names, for the message. */
export function outputPathOption(option: string, kind: 'file' | 'directory' = 'file'): (value: string) => string {
  return (value) => {
    if (value === '') throw new InvalidArgumentError(`the name is empty: give ${option} a ${kind} name`);
    if (value.startsWith('-')) throw new InvalidArgumentError(`'${value}' looks like an option: give ${option} a ${kind} name (./${value} for a ${kind} of that name)`);
    if (holdsControlCharacters(value)) {
      const what = /[\n\r]/.test(value) ? 'a line break' : 'a control character';
      throw new InvalidArgumentError(`'${oneLineText(value)}' holds ${what}: give ${option} a ${kind} name of printable characters on one line`);
    }
    return value;
  };
}
