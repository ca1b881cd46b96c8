// An .eml file through mailparser, with its refusal as a message for the scenario's `traffic.eml[i].file` rather than
// a crash: the file is input the user chose (or downloaded), and mailparser rejects some messages outright, by design
// (a MIME tree a thousand parts deep, a header block of megabytes), instead of parsing them slowly.
import { simpleParser, type ParsedMail } from 'mailparser';

/**
 * mailparser's own defaults, given explicitly so the message that names them cannot drift from what it enforces (a
 * newer mailparser with other defaults would otherwise be described wrongly).
 */
export const EML_MAX_HEAD_BYTES = 1024 * 1024;
export const EML_MAX_PARTS = 1000;

/** Why mailsplit refused (its errors say what, not the limit): the limit as a scenario's author can act on it. */
const LIMIT_SAID: ReadonlyArray<readonly [RegExp, string]> = [
  [/header size/i, `a MIME part's header block is over ${EML_MAX_HEAD_BYTES / (1024 * 1024)} MB`],
  [/child nodes/i, `the message has over ${EML_MAX_PARTS.toLocaleString('en-US')} MIME parts (nested or side by side)`],
];

/** The parsed message, or why mailparser refused it (a sentence for the problem at the file). */
export async function parseEml(raw: Buffer): Promise<ParsedMail | string> {
  try {
    return await simpleParser(raw, { maxHeadSize: EML_MAX_HEAD_BYTES, maxChildNodes: EML_MAX_PARTS });
  } catch (error) {
    // Anything mailparser throws is about these bytes: nothing else reaches it.
    const said = (error as Error).message;
    const limit = LIMIT_SAID.find(([pattern]) => pattern.test(said))?.[1];
    return limit === undefined ? `mailparser could not parse the message (${said})` : `mailparser refused the message: ${limit} (${said})`;
  }
}
