// O2, S3: may CRM hand this owner's email to any sender at all? Not while the owner's email address is unapproved and
// the organisation requires approval (the default): the email stays Pending Send indefinitely, without an error, and
// counts as pending. One rule for every path that sends CRM email (CRM's own SMTP outbound, the E-mail Router,
// Outlook, server-side sync), applied where CRM hands email out (OutboundStatus.ready), so no caller can forget it.
import type { CrmOrg } from './check-incoming.js';

export function senderApproved(org: CrmOrg, owner: string): boolean {
  if (!org.settings.requireApproval) return true;
  // An owner CRM does not know has no approved address either (owners are users and queues, validated before the run).
  return org.directory.mailbox(owner)?.approved === true;
}
