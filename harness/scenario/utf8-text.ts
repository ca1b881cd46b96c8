// Scenario and plan files are UTF-8 text. Anything else used to get through in odd shapes: a UTF-16 file (Windows
// editors save it as "Unicode") was quoted whole, NUL bytes and all, in a YAML error; a Latin-1 file was read with
// U+FFFD in place of its accents, silently. Each is refused, at the place it goes wrong.
import { isUtf8 } from 'node:buffer';

/** Where the text goes wrong (1-based), for the caller's file:line:column. */
export class NotUtf8Text extends Error {
  constructor(message: string, readonly line = 0, readonly column = 0) {
    super(message);
  }
}

/** The text of a file's bytes, or a NotUtf8Text saying why they are not UTF-8 text, and where. */
export function utf8Text(bytes: Buffer): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new NotUtf8Text('the file is UTF-16 (it starts with a UTF-16 byte order mark): save it as UTF-8');
  }
  const text = bytes.toString('utf8');
  if (!isUtf8(bytes)) {
    // The first byte that is not UTF-8 became U+FFFD: where it sits in the text is where the editor should look.
    throw new NotUtf8Text('a byte that is not UTF-8 (Latin-1, perhaps): save the file as UTF-8', ...placeOf(text, text.indexOf('\uFFFD')));
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) throw new NotUtf8Text('a NUL byte: a binary file, not text', ...placeOf(text, nul));
  // A UTF-8 byte order mark is text's business, not YAML's.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function placeOf(text: string, index: number): [line: number, column: number] {
  const before = text.slice(0, Math.max(0, index));
  return [before.split('\n').length, index - before.lastIndexOf('\n')];
}
