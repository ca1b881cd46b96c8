// What an operation or fault carries beyond its verb, target and peers, typed once for every model's verb handlers.
// The scenario schema (harness/scenario/schema.ts) validates these fields and gives them in this form: durations and
// instants in ms, addresses in lower case. harness/world/build-world.ts builds a fault's params as this type, so the
// compiler catches the schema and the handlers drifting apart; check-fault-fields.ts says which verb takes which.
import type { Fault } from '../../sim/core/fault.js';
import type { SmtpStage } from '../../sim/ledger/records.js';
import type { ActChange } from '../exchange/act-items.js';

export interface OperationParams {
  /** A database of the target Exchange server. */
  readonly database?: string;
  /** restore, restoreState: the backup taken at or before this instant. */
  readonly backupAt?: number;
  /** restore: replay the logs after the backup (X3). */
  readonly replayLogs?: boolean;
  /** activateLaggedCopy, failover: how far the activated copy lags (X2). */
  readonly lag?: number;
  /** resubmitSafetyNet: resubmit what was delivered since this instant (X2). */
  readonly since?: number;
  /** smtpFault: the stage that answers `code`, or after which the 250 is dropped. */
  readonly stage?: SmtpStage;
  /** smtpFault: the SMTP reply code; crmApiFault: the HTTP status. */
  readonly code?: number;
  /** smtpFault: the 250 after DATA is lost. */
  readonly dropReply?: boolean;
  /** One mailbox (lower case). */
  readonly mailbox?: string;
  /** A list of mailboxes (lower case); not with `mailbox`. */
  readonly mailboxes?: readonly string[];
  /** setProcessEmailFrom: the new instant (S2a). */
  readonly processEmailFrom?: number;
  /** setProcessEmailFrom: which email server profile. */
  readonly profile?: string;
  /** testAndEnable: "sync with this org only" (S13). */
  readonly thisOrgOnly?: boolean;
  /** testAndEnable: retest only the mailboxes that failed or were disabled (S3, S4). */
  readonly onlyDisabled?: boolean;
  /** otherOrgTestAndEnable: the organisation that claims the mailboxes (S13). */
  readonly organisation?: string;
  /** exchangeItem, crmRecord: what is done to the item (S15). */
  readonly action?: string;
  /** exchangeItem, crmRecord: the item, with the fields set or changed (S15). */
  readonly item?: ActChange;
}

const NONE: OperationParams = {};

/**
 * A fault's params, typed. The engine keeps params as plain data (it hashes them into the trace and knows no model),
 * so this is the one place they are taken to be what the schema made them.
 */
export function paramsOf(fault: Fault): OperationParams {
  return (fault.params ?? NONE) as OperationParams;
}

/** The mailboxes an operation names (`mailboxes`, or `mailbox`), or null when it names none: all of them. */
export function namedMailboxes(params: OperationParams): readonly string[] | null {
  if (params.mailboxes !== undefined) return params.mailboxes;
  return params.mailbox === undefined ? null : [params.mailbox];
}

/** The item an exchangeItem or crmRecord operation acts on (S15); check-act.ts refuses one without it. */
export function requiredItem(fault: Fault, params: OperationParams): ActChange {
  if (params.item === undefined) throw new Error(`'${fault.verb}' needs an item (validation should have refused it)`);
  return params.item;
}
