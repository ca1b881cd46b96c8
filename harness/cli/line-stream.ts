// What a progress bar writes to when stderr is not a terminal (`--progress` into a pipe or file): the stream itself,
// but a line that only repeats the one before it while the bar stops is left out. cli-progress prints the bar once
// more when it stops, which off a terminal repeats the last line whenever nothing changed since it was printed.
import type { ProgressStream } from './progress.js';

export class LineStream {
  readonly isTTY = false;
  /** The last line written (cli-progress writes a line, then its newline, as two writes). */
  private lastLine = '';
  private stopping = false;
  private droppingNewline = false;

  constructor(private readonly target: ProgressStream) {}

  get columns(): number | undefined {
    return this.target.columns;
  }

  write(text: string): boolean {
    if (this.droppingNewline && text === '\n') {
      this.droppingNewline = false;
      return true;
    }
    if (this.stopping && text === this.lastLine) {
      this.droppingNewline = true;
      return true;
    }
    if (text !== '\n') this.lastLine = text;
    return this.target.write(text);
  }

  /** Runs `stop` (the bar's stop()) leaving out a repeat of the last line. */
  whileStopping(stop: () => void): void {
    this.stopping = true;
    try {
      stop();
    } finally {
      this.stopping = false;
      this.droppingNewline = false;
    }
  }
}
