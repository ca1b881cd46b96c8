// Where CRM's outbound email goes on the wire, and who said so. A scenario file is often someone else's (a colleague's,
// an issue's attachment), and `wire.outboundSmtp` makes wire mode hand real email, with the file's recipients and
// subjects, to the server it names: so the file alone may name only this machine (loopback). Any other server must
// come from the person running it (`--outbound-smtp HOST:PORT`, the library's `outboundSmtp` option), which also
// replaces the file's.
import { isLoopback, parseHostPort, type SmtpAddress } from '../../fakes/wire/smtp-address.js';
import type { Scenario } from '../scenario/schema.js';
import type { FieldProblem } from '../scenario/load-scenario.js';

export interface OutboundTarget extends SmtpAddress {
  /** `file`: the scenario's `wire.outboundSmtp` (loopback); `caller`: given by whoever runs it. */
  readonly namedBy: 'file' | 'caller';
}

/** Where the file names CRM outbound's server. */
const OUTBOUND_FIELD = ['wire', 'outboundSmtp'] as const;

/** Why a file may not name that server: the start of the refusal and of validate's warning. */
function notThisMachine(written: string): string {
  return `${written} is not this machine (loopback is 127.0.0.0/8, [::1] or localhost), and wire mode would send the `
    + 'scenario\'s CRM email to it for real; a scenario file may name only a loopback server';
}

/** The scenario's `wire.outboundSmtp` names a server off this machine and nobody running it said to send there. */
export class OutboundNotLoopback extends Error {
  /** Where the refusal belongs in the scenario file. */
  readonly path = OUTBOUND_FIELD;

  constructor(readonly written: string, how: string) {
    super(`${notThisMachine(written)}. To send there, say so ${how}`);
    this.name = 'OutboundNotLoopback';
  }
}

/**
 * CRM outbound's server on the wire: `override` (whoever runs the scenario names it, any host) or else the file's
 * `wire.outboundSmtp`, which must be loopback; null when neither names one (CRM's outbound stays in the model).
 * `how` finishes the refusal: how that person says so (`on the command line: --outbound-smtp X`).
 */
export function outboundTargetOf(scenario: Scenario, override: string | undefined, how: (written: string) => string): OutboundTarget | null {
  if (override !== undefined) {
    const address = parseHostPort(override);
    if (typeof address === 'string') throw new RangeError(`outboundSmtp ${JSON.stringify(override)}: ${address}`);
    return { ...address, namedBy: 'caller' };
  }
  const file = fileOutbound(scenario);
  if (file === null) return null;
  if (!isLoopback(file.address.host)) throw new OutboundNotLoopback(file.written, how(file.written));
  return { ...file.address, namedBy: 'file' };
}

/**
 * For `mailflow validate`: a file naming a server off this machine is valid (whoever runs it may name that server),
 * but `run --wire` and `serve` refuse it as it stands (outboundTargetOf), at the moment someone tries. Said as a
 * warning at the field, before then; none for a loopback server or none at all.
 */
export function outboundWarnings(scenario: Scenario): FieldProblem[] {
  const file = fileOutbound(scenario);
  if (file === null || isLoopback(file.address.host)) return [];
  return [{
    path: OUTBOUND_FIELD,
    message: `${notThisMachine(file.written)}: \`mailflow run --wire\` and \`mailflow serve\` will refuse to run this file `
      + `(exit 2) unless the command line names the server: --outbound-smtp ${file.written}`,
  }];
}

/** The file's `wire.outboundSmtp` as written and read, or null when it names none. */
function fileOutbound(scenario: Scenario): { written: string; address: SmtpAddress } | null {
  const written = typeof scenario.wire === 'object' ? scenario.wire.outboundSmtp : undefined;
  if (written === undefined) return null;
  const address = parseHostPort(written);
  // The schema has checked it; a scenario built in code without the loader has not.
  if (typeof address === 'string') throw new RangeError(`wire.outboundSmtp ${JSON.stringify(written)}: ${address}`);
  return { written, address };
}

/** How a library caller says so (runScenarioOnWire, startServe). */
export const BY_OPTION = (written: string): string => `with the option { outboundSmtp: '${written}' }`;

/** How the person at the command line says so. */
export const BY_FLAG = (written: string): string => `on the command line: --outbound-smtp ${written}`;
