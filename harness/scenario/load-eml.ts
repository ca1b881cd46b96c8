// Replays real messages: each `traffic.eml` entry is read (relative to the scenario file) and parsed with mailparser
// into an explicit message, Message-ID, References and all. Reading files is the harness's job, never the models'.
import type { AddressObject, ParsedMail } from 'mailparser';
import { InputError, type InputProblem } from './input-error.js';
import type { Locate } from './load-scenario.js';
import type { Scenario } from './schema.js';
import { checkExchange } from './check-exchange.js';
import { relatedFile } from './related-file.js';
import { EML_LIMIT, readInputFile } from './read-input-file.js';
import { parseEml } from './parse-eml.js';

type TrafficMessage = NonNullable<Scenario['traffic']>['messages'][number];

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((o) => o.value).map((a) => a.address?.toLowerCase()).filter((a): a is string => a !== undefined && a !== '');
}

function messageOf(parsed: ParsedMail, at: number, sizeBytes: number, envelope: string[] | undefined): TrafficMessage | string {
  const from = addresses(parsed.from)[0];
  if (from === undefined) return 'the message has no From address';
  const to = envelope ?? [...addresses(parsed.to), ...addresses(parsed.cc)];
  if (to.length === 0) return 'the message has no To or Cc address; give `to:` in the scenario';
  return {
    at, from, to, cc: [], subject: parsed.subject ?? '(no subject)', size: sizeBytes,
    messageId: parsed.messageId ?? null, track: false, malformed: false,
    // The conversation index, which CRM correlates on (S10).
    ...(typeof parsed.headers.get('thread-index') === 'string' ? { headers: { 'Thread-Index': parsed.headers.get('thread-index') as string } } : {}),
    ...(parsed.inReplyTo === undefined ? {} : { inReplyTo: parsed.inReplyTo }),
    ...(parsed.references === undefined ? {} : { references: Array.isArray(parsed.references) ? parsed.references : [parsed.references] }),
  };
}

/**
 * The message's size as SMTP carries it, every line ending CRLF (RFC 5321 2.3.8): a file saved with LF endings (a
 * Unix checkout) and its CRLF twin are one message, and must meet `maxMessageSize` alike (docs/exchange.md).
 */
export function sizeOnTheWire(raw: Uint8Array): number {
  let bareLineFeeds = 0;
  for (let i = 0; i < raw.length; i++) if (raw[i] === 0x0a && (i === 0 || raw[i - 1] !== 0x0d)) bareLineFeeds++;
  return raw.length + bareLineFeeds;
}

/** Returns the scenario with its .eml traffic turned into explicit messages (and `traffic.eml` emptied). */
export async function resolveEmlTraffic(scenario: Scenario, scenarioFile: string, locate: Locate): Promise<Scenario> {
  const traffic = scenario.traffic;
  if (traffic === undefined || traffic.eml.length === 0) return scenario;
  const problems: InputProblem[] = [];
  const messages: TrafficMessage[] = [];
  for (const [i, entry] of traffic.eml.entries()) {
    const path = relatedFile(scenarioFile, entry.file);
    let raw: Buffer;
    try {
      raw = readInputFile(path, EML_LIMIT);
    } catch (error) {
      problems.push(locate(['traffic', 'eml', i, 'file'], `cannot read ${path}: ${(error as Error).message}`));
      continue;
    }
    const parsed = await parseEml(raw);
    const message = typeof parsed === 'string' ? parsed : messageOf(parsed, entry.at, sizeOnTheWire(raw), entry.to);
    if (typeof message === 'string') problems.push(locate(['traffic', 'eml', i, 'file'], `${entry.file}: ${message}`));
    else messages.push(message);
  }
  if (problems.length > 0) throw new InputError(problems);
  const resolved = { ...scenario, traffic: { ...traffic, eml: [], messages: [...traffic.messages, ...messages] } };
  // The replayed messages meet the same checks as written ones (a sender for their domain, ...), reported at the file.
  const first = traffic.messages.length;
  const late = checkExchange(resolved).filter((p) => p.path[0] === 'traffic' && p.path[1] === 'messages' && Number(p.path[2]) >= first);
  if (late.length > 0) {
    throw new InputError(late.map((p) => locate(['traffic', 'eml', Number(p.path[2]) - first, 'file'], `replayed message: ${p.message}`)));
  }
  return resolved;
}
