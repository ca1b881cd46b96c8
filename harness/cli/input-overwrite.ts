// No output is written over a file the command reads: `mailflow run s.yaml --report s.yaml` left the scenario as an
// HTML page, with exit 0. Compared by real path, so `./s.yaml`, an absolute path and a symlink to the file are all
// caught; refused (exit 2) before anything runs.
import { realpathSync } from 'node:fs';
import { InputError, type InputProblem } from '../scenario/input-error.js';
import type { InputFile } from '../scenario/input-files.js';
import { outputTarget } from '../run/output-target.js';

/** An output the command was asked for: the option that names it (`--report`) and its path, if given. */
export interface RequestedOutput {
  readonly option: string;
  readonly path: string | undefined;
}

export function refuseOverwritingInputs(outputs: readonly RequestedOutput[], inputs: readonly InputFile[]): void {
  const read = inputs.flatMap((input) => {
    const real = realPathOf(input.path);
    return real === null ? [] : [{ ...input, real }];
  });
  const problems: InputProblem[] = [];
  for (const { option, path } of outputs) {
    if (path === undefined) continue;
    const target = targetOf(path);
    const input = read.find((i) => i.real === target);
    if (input !== undefined) problems.push({ file: path, line: 0, column: 0, path: '', message: `${option} would overwrite ${input.what} ${input.path}` });
  }
  if (problems.length > 0) throw new InputError(problems);
}

function realPathOf(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/** Where the output would go; null when it cannot (a directory, say), which the writability check reports. */
function targetOf(path: string): string | null {
  try {
    return outputTarget(path).path;
  } catch {
    return null;
  }
}
