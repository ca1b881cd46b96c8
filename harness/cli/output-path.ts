// Output files named on the command line are checked before any run, so a typo in a path fails at once (exit 2)
// rather than after minutes of work; writing itself is atomic (harness/run/atomic-write.ts).
import { accessSync, constants, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { AtomicLineWriter, commitAll, TEMPORARY_NAME_EXTRA_BYTES } from '../run/atomic-write.js';
import { outputError } from '../run/output-error.js';
import { outputTarget } from '../run/output-target.js';

/** A file name's longest, on Linux and macOS file systems. */
const MAX_NAME_BYTES = 255;

/**
 * Throws an InputError unless a file could be written at `path`, as the writer will write it (output-target.ts): a
 * device, FIFO or /dev/stdout where it is, anything else under a temporary name in its real directory.
 */
export function checkWritable(path: string, what: string): void {
  try {
    if (path === '') throw new Error('no file name given');
    // Refuses a directory: renaming onto it would fail only after the runs.
    const target = outputTarget(path);
    if (target.inPlace) {
      accessSync(target.path, constants.W_OK);
      return;
    }
    const parent = dirname(target.path);
    if (!statSync(parent).isDirectory()) throw new Error(`${parent} is not a directory`);
    accessSync(parent, constants.W_OK);
    // The temporary file beside it has a longer name: one that cannot be made fails here, not after the run.
    if (Buffer.byteLength(basename(target.path)) + TEMPORARY_NAME_EXTRA_BYTES > MAX_NAME_BYTES) throw new Error(`the file name is too long (at most ${MAX_NAME_BYTES - TEMPORARY_NAME_EXTRA_BYTES} bytes here)`);
  } catch (error) {
    throw outputError(path, what, error);
  }
}

/** An output to write whole: its path (undefined: the option was not given), what it is, and its content. */
export interface WholeOutput {
  readonly path: string | undefined;
  readonly what: string;
  readonly content: () => string;
}

/**
 * Writes the outputs asked for, each whole and atomically, a failure being bad input (exit 2) that names the output.
 * All are written before any is renamed into place, so a full disk leaves none of them rather than the first.
 */
export function writeOutputs(outputs: readonly WholeOutput[]): void {
  // Rendered before anything is opened: a failure there is a bug (exit 3), and leaves no file behind.
  const rendered = outputs.flatMap(({ path, what, content }) => (path === undefined ? [] : [{ path, what, text: content() }]));
  const writers: Array<{ writer: AtomicLineWriter; path: string }> = [];
  try {
    for (const { path, what, text } of rendered) {
      const writer = new AtomicLineWriter(path, what);
      writers.push({ writer, path });
      writer.write(text);
    }
  } catch (error) {
    for (const { writer } of writers) writer.discard();
    throw error;
  }
  commitAll(writers);
}

/** writeOutputs for one output, a trailing newline ending its content; nothing when `path` is undefined. */
export function writeOutput(path: string | undefined, what: string, content: () => string): void {
  writeOutputs([{ path, what, content: () => content() + '\n' }]);
}
