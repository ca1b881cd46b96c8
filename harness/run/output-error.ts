// An output that cannot be written (a missing directory, a full disk, a device that refuses) is bad input, exit 2,
// with a message naming the output and why: not a harness crash, and never a stack trace.
import { InputError } from '../scenario/input-error.js';

/** `what` names the output in the message: `the report`, `the demo page`. */
export function outputError(path: string, what: string, error: unknown): InputError {
  return new InputError([{ file: path, line: 0, column: 0, path: '', message: `cannot write ${what}: ${(error as Error).message}` }]);
}
