// The wire commands' side of wire-outbound-target.ts: a file naming an outbound server off this machine is bad input
// at that field (exit 2, file:line:column, saying how to send there anyway), and a run whose CRM outbound leaves for a
// real server says where on stderr before it starts: before, mail reached whatever the file named and nothing said so.
import { formatHostPort } from '../../fakes/wire/smtp-address.js';
import { InputError } from '../scenario/input-error.js';
import { locateIn, readTextFile, readYamlSource } from '../scenario/load-scenario.js';
import type { Scenario } from '../scenario/schema.js';
import { BY_FLAG, OutboundNotLoopback, outboundTargetOf, type OutboundTarget } from './wire-outbound-target.js';

/** The one line said before the run (`command` as the user typed it: `mailflow run --wire`), without its line end. */
export function outboundNotice(command: string, target: OutboundTarget, file: string): string {
  const said = target.namedBy === 'file' ? `wire.outboundSmtp in ${file}` : '--outbound-smtp';
  return `${command}: CRM outbound email will be sent for real to the SMTP server at ${formatHostPort(target)} (${said})`;
}

/**
 * Checks where `file`'s CRM outbound would go given `--outbound-smtp` (`flag`), and says it on `say` (stderr) when it
 * leaves for a real server. Throws an InputError at `wire.outboundSmtp` when the file names one off this machine.
 */
export function announceOutbound(command: string, scenario: Scenario, file: string, flag: string | undefined, say: (line: string) => void): void {
  let target: OutboundTarget | null;
  try {
    target = outboundTargetOf(scenario, flag, BY_FLAG);
  } catch (error) {
    if (!(error instanceof OutboundNotLoopback)) throw error;
    // The loader keeps no positions once it has the scenario; the file is read again, only for this refusal.
    throw new InputError([locateIn(readYamlSource(readTextFile(file), file))(error.path, error.message)]);
  }
  if (target !== null) say(outboundNotice(command, target, file));
}
