// Where the CLI writes to the terminal. Human-readable text carries names, addresses and Message-IDs from scenario
// files, shards and SMTP clients; it goes out through terminalText, so their control characters are shown, not obeyed
// (harness/scenario/terminal-text.ts). Every write of harness/cli comes through here (a test holds it to that), so a
// new message cannot forget it.
import { terminalText } from '../scenario/terminal-text.js';

/** A message or summary for stdout, one newline added: control characters escaped, line breaks and tabs kept. */
export function sayOut(text: string): void {
  process.stdout.write(terminalText(text) + '\n');
}

/** As sayOut, on stderr: problems, warnings, what the command is doing. */
export function sayErr(text: string): void {
  process.stderr.write(terminalText(text) + '\n');
}

/**
 * Machine-readable output on stdout (JSON, a compiled scenario's YAML), written exactly as given, line ends
 * included: its reader is a parser, and JSON.stringify has already escaped the C0 controls inside its strings.
 * Escaping it here would change the data a pipeline reads.
 */
export function writeData(text: string): void {
  process.stdout.write(text);
}

/**
 * For commander's configureOutput: its help and usage errors, which quote the arguments (`unknown option '...'`) and
 * bring their own line ends.
 */
export const commanderOutput = {
  writeOut: (text: string): void => {
    process.stdout.write(terminalText(text));
  },
  writeErr: (text: string): void => {
    process.stderr.write(terminalText(text));
  },
};
