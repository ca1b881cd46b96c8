// C2: crmLinkState, the Outlook item property the CRM client keeps: 2 tracked, 1 pending (tracking asked for, not yet
// done: offline, or CRM unreachable), 0 once tracked and then untracked (the activity stays in CRM). An item never
// tracked has no state at all.

export const LINK_STATE = { untracked: 0, pending: 1, tracked: 2 } as const;
export type LinkState = (typeof LINK_STATE)[keyof typeof LINK_STATE];

export type LinkEvent = 'track-asked' | 'promoted' | 'already-in-crm' | 'untrack-asked';

export function nextLinkState(state: LinkState | undefined, event: LinkEvent): LinkState | undefined {
  switch (event) {
    case 'track-asked': return state === LINK_STATE.tracked ? state : LINK_STATE.pending;
    // Promoted by this client, or found in CRM already (another path tracked it): either way the item shows tracked.
    case 'promoted':
    case 'already-in-crm': return LINK_STATE.tracked;
    case 'untrack-asked': return state === LINK_STATE.tracked ? LINK_STATE.untracked : state;
  }
}
