// The value of an output option is read as a file name only when it can be one. One that starts with `-` is an
// option given where the name was forgotten: `mailflow run s.yaml --report --json` wrote the report to a file named
// `--json` and printed text instead of JSON. An empty one names nothing, and failed only after the whole run. Both
// are refused as the command line is read (exit 2).
import { InvalidArgumentError } from 'commander';

/** A commander argument parser for `option` (`--report`); `kind`: what it names, for the message. */
export function outputPathOption(option: string, kind: 'file' | 'directory' = 'file'): (value: string) => string {
  return (value) => {
    if (value === '') throw new InvalidArgumentError(`the name is empty: give ${option} a ${kind} name`);
    if (value.startsWith('-')) throw new InvalidArgumentError(`'${value}' looks like an option: give ${option} a ${kind} name (./${value} for a ${kind} of that name)`);
    return value;
  };
}
