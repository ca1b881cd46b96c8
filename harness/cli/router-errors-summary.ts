// The summary's lines on what the E-mail Router wrote to its event log: a service that did not start (KB954522's
// corrupt state file) and the errors its cycles ended in (a mailbox it cannot read, CRM refusing it, a malformed
// message: R8-R10), grouped. Without them a run whose router never started shows only mail "not yet processed by the
// router", and the customer's event log, which is what they compare a replay with, has no counterpart here.
import { formatDurationMs } from '../scenario/duration.js';
import type { RouterErrorGroup } from '../../fakes/router/router-errors.js';

/** Groups shown; `--json` has them all. */
const GROUPS_SHOWN = 5;

export function formatRouterErrors(run: { readonly routerErrors: readonly RouterErrorGroup[] | null }): string[] {
  const groups = run.routerErrors ?? [];
  if (groups.length === 0) return [];
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  const lines = [`  the E-mail Router logged ${total.toLocaleString('en-US')} ${total === 1 ? 'error' : 'errors'} (its event log; --trace has each as router-error):`];
  for (const g of groups.slice(0, GROUPS_SHOWN)) lines.push(`    ${g.instance}: ${g.mailbox === null ? '' : `${g.mailbox}: `}${g.why}, ${occurrences(g)}`);
  if (groups.length > GROUPS_SHOWN) lines.push(`    ... and ${(groups.length - GROUPS_SHOWN).toLocaleString('en-US')} more (--json lists every one as routerErrors)`);
  return lines;
}

function occurrences(g: RouterErrorGroup): string {
  if (g.count === 1) return `at ${formatDurationMs(g.firstAtMs)}`;
  return `${g.count.toLocaleString('en-US')} times from ${formatDurationMs(g.firstAtMs)} to ${formatDurationMs(g.lastAtMs)}`;
}
