// Output files named on the command line are checked before any run, so a typo in a path fails at once (exit 2)
// rather than after minutes of work; writing itself is atomic (harness/run/atomic-write.ts).
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { TEMPORARY_NAME_EXTRA_BYTES, writeFileAtomic } from '../run/atomic-write.js';

/** A file name's longest, on Linux and macOS file systems. */
const MAX_NAME_BYTES = 255;
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
    // The temporary file beside it has a longer name: one that cannot be made fails here, not after the run.
    if (Buffer.byteLength(basename(path)) + TEMPORARY_NAME_EXTRA_BYTES > MAX_NAME_BYTES) throw new Error(`the file name is too long (at most ${MAX_NAME_BYTES - TEMPORARY_NAME_EXTRA_BYTES} bytes here)`);
  } catch (error) {
    throw outputError(path, what, error);
  }
}

/**
 * Writes a whole output file atomically (harness/run/atomic-write.ts), a failure being bad input (exit 2) that names
 * the output; nothing when `path` is undefined (the option was not given). A trailing newline ends the content.
 */
export function writeOutput(path: string | undefined, what: string, content: () => string): void {
  if (path === undefined) return;
  try {
    writeFileAtomic(path, content() + '\n');
  } catch (error) {
    throw outputError(path, what, error);
  }
}
