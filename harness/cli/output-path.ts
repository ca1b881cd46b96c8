// Output files named on the command line are checked before any run, so a typo in a path fails at once (exit 2)
// rather than after minutes of work; writing itself is atomic (harness/run/atomic-write.ts).
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../scenario/input-error.js';

/** `what` names the output in the error: `the report`, `the demo page`. */
export function outputError(path: string, what: string, error: unknown): InputError {
  return new InputError([{ file: path, line: 0, column: 0, path: '', message: `cannot write ${what}: ${(error as Error).message}` }]);
}

/** Throws an InputError unless a file could be written at `path`. */
export function checkWritable(path: string, what: string): void {
  try {
    // Renaming onto a directory would fail only after the runs.
    if (existsSync(path) && statSync(path).isDirectory()) throw new Error(`${path} is a directory`);
    const parent = dirname(resolve(path));
    if (!statSync(parent).isDirectory()) throw new Error(`${parent} is not a directory`);
    accessSync(parent, constants.W_OK);
  } catch (error) {
    throw outputError(path, what, error);
  }
}
