// Bad input is reported, never thrown as a stack trace: each problem names the file, line, column and field path.
import { oneLineText } from './terminal-text.js';

export interface InputProblem {
  readonly file: string;
  /** 1-based; 0 when the problem is about the file as a whole (unreadable, empty). */
  readonly line: number;
  readonly column: number;
  /** Field path such as `faults[2].target`; empty for the document itself. */
  readonly path: string;
  readonly message: string;
}

export class InputError extends Error {
  readonly problems: readonly InputProblem[];

  /** The problems are kept in the order of the file (each file's in turn), however the checks found them. */
  constructor(problems: readonly InputProblem[]) {
    const sorted = inFileOrder(problems);
    super(sorted.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = sorted;
  }
}

function inFileOrder(problems: readonly InputProblem[]): InputProblem[] {
  const files = [...new Set(problems.map((p) => p.file))];
  return [...problems].sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line || a.column - b.column);
}

/**
 * One line per problem. The file's name, the field path (YAML keys) and the message (which quotes the input's values)
 * are the input's: their control characters and line breaks are shown as escapes, so a key cannot retitle the
 * terminal or add a line that reads as another problem.
 */
export function formatProblem(p: InputProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  return oneLineText(p.path === '' ? `${where}: ${p.message}` : `${where}: ${p.path}: ${p.message}`);
}

/** `['faults', 2, 'target']` -> `faults[2].target` */
export function formatPath(path: ReadonlyArray<string | number | symbol>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** `faults[2].target` -> `['faults', 2, 'target']`: formatPath undone, for problems passed on from a derived file. */
export function parsePath(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) segments.push(match[2] === undefined ? (match[1] as string) : Number(match[2]));
  return segments;
}
