// Warnings about a valid input (scenario-warnings.ts), on stderr before the run: placed as errors are (file, line,
// column, field path), marked `warning:`, and stopping nothing.
import { formatProblem, type InputProblem } from '../scenario/input-error.js';
import { sayErr } from './say.js';

export function sayWarnings(warnings: readonly InputProblem[]): void {
  for (const w of warnings) sayErr(formatProblem({ ...w, path: '', message: `warning: ${w.path === '' ? '' : `${w.path}: `}${w.message}` }));
}
