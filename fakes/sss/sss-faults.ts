// Server-side sync operations as fault verbs (S2a, S3, S4): Test & Enable of mailboxes (a person clicks it; the
// service runs it within seconds), setting a profile's Process Email From (capped by ProcessEmailSinceMaximumDaysAllowed),
// and the service account losing or regaining access to a mailbox (401: a permanent error).
import type { Engine } from '../../sim/core/engine.js';
import { requireTarget, type Fault, type FaultApi } from '../../sim/core/fault.js';
import type { SssConfig } from './sss-config.js';
import type { SssDurable } from './sss-service.js';
import type { MailboxRecord } from './mailbox-record.js';
import { namedMailboxes, paramsOf } from '../operations/operation-params.js';

export const SSS_FAULT_VERBS = ['testAndEnable', 'setProcessEmailFrom', 'denyMailboxAccess', 'grantMailboxAccess'] as const;

/** The mailboxes a verb names: `mailbox`, or `mailboxes` (a list), or every mailbox of the service. */
function mailboxesOf(fault: Fault, config: SssConfig): readonly string[] {
  return namedMailboxes(paramsOf(fault)) ?? [...config.mailboxProfile.keys()];
}

/** Disabled by a failed Test & Enable or by sync's errors (not merely never tested, S3, S4). */
function isDisabled(record: MailboxRecord | undefined): boolean {
  return record !== undefined && !record.enabled && record.disabledBy !== null;
}

export function defineSssFaults(engine: Engine, configs: ReadonlyMap<string, SssConfig>): void {
  const target = (world: FaultApi, fault: Fault): { disk: SssDurable; config: SssConfig } => {
    const name = requireTarget(world, fault);
    const config = configs.get(name);
    if (config === undefined) throw new Error(`'${fault.verb}' acts on a server-side sync service, not ${name}`);
    return { disk: world.durableOf(name) as SssDurable, config };
  };
  engine.defineFaultVerb('testAndEnable', (world, fault) => {
    const { disk, config } = target(world, fault);
    // S3, S4: an administrator retests the mailboxes that failed or were disabled (CRM's views of mailboxes with
    // errors) once the cause is over, without enabling the cutover's later batches early.
    const { onlyDisabled, thisOrgOnly } = paramsOf(fault);
    const mailboxes = mailboxesOf(fault, config).filter((address) => onlyDisabled !== true || isDisabled(disk.records.get(address)));
    // S13: the dialog's "sync with this org only" option stays on the mailbox record.
    if (thisOrgOnly === true) {
      for (const mailbox of mailboxes) {
        const record = disk.records.get(mailbox);
        if (record !== undefined) record.syncWithThisOrgOnly = true;
      }
    }
    disk.testQueue.push(...mailboxes);
  });
  engine.defineFaultVerb('setProcessEmailFrom', (world, fault) => {
    const { disk, config } = target(world, fault);
    const { processEmailFrom: requested, profile: profileName } = paramsOf(fault);
    if (requested === undefined) throw new Error(`'setProcessEmailFrom' needs processEmailFrom (validation should have refused it)`);
    // S2a: no earlier than ProcessEmailSinceMaximumDaysAllowed before now.
    const earliest = engine.nowMs - config.settings.processEmailSinceMaximumMs;
    for (const profile of disk.profiles.values()) {
      if (profileName !== undefined && profile.name !== profileName) continue;
      profile.processEmailFromMs = Math.max(requested, earliest);
    }
  });
  engine.defineFaultVerb('denyMailboxAccess', (world, fault) => {
    const { disk, config } = target(world, fault);
    for (const mailbox of mailboxesOf(fault, config)) disk.accessDenied.add(mailbox);
  });
  engine.defineFaultVerb('grantMailboxAccess', (world, fault) => {
    const { disk, config } = target(world, fault);
    for (const mailbox of mailboxesOf(fault, config)) disk.accessDenied.delete(mailbox);
  });
}
