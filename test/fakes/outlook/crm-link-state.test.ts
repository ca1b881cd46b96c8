// C2: crmLinkState transitions: asked -> 1 pending -> 2 tracked; 0 only for an item that was tracked and is no longer.
import { describe, expect, it } from 'vitest';
import { LINK_STATE, nextLinkState } from '../../../fakes/outlook/crm-link-state.js';

describe('crmLinkState (C2)', () => {
  it('goes pending when tracking is asked for, tracked once CRM has it', () => {
    const pending = nextLinkState(undefined, 'track-asked');
    expect(pending).toBe(LINK_STATE.pending);
    expect(nextLinkState(pending, 'promoted')).toBe(LINK_STATE.tracked);
    expect(nextLinkState(pending, 'already-in-crm')).toBe(LINK_STATE.tracked);
  });

  it('asking again does not demote a tracked item', () => {
    expect(nextLinkState(LINK_STATE.tracked, 'track-asked')).toBe(LINK_STATE.tracked);
  });

  it('0 marks an item that was tracked and was untracked; untracking anything else changes nothing', () => {
    expect(nextLinkState(LINK_STATE.tracked, 'untrack-asked')).toBe(LINK_STATE.untracked);
    expect(nextLinkState(LINK_STATE.pending, 'untrack-asked')).toBe(LINK_STATE.pending);
    expect(nextLinkState(undefined, 'untrack-asked')).toBeUndefined();
    expect(nextLinkState(LINK_STATE.untracked, 'track-asked')).toBe(LINK_STATE.pending);
  });
});
