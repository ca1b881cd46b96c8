// The router's resume point for one provider against a real mailbox (R8, the SystemState.xml entry): the ThresholdDate
// it has processed up to, the items done at that very instant, and items kept for another try (R10's poison message).
// fakes/router/system-state.ts keeps the same with the model's numeric store ids; a real store names items by POP3
// UIDL or IMAP UID, so here ids are strings. It lives outside the driver so a crash keeps it, as the file is kept.

export interface PeerProviderState {
  /** Epoch ms; null is 0001-01-01: everything is new. */
  thresholdMs: number | null;
  doneAtThreshold: string[];
  retry: string[];
  lastError: string | null;
}

export function newPeerProviderState(): PeerProviderState {
  return { thresholdMs: null, doneAtThreshold: [], retry: [], lastError: null };
}

/** Will the provider read this item (again)? Past the threshold, at it and not yet done, or kept for another try. */
export function isWaiting(state: PeerProviderState, id: string, receivedAtMs: number): boolean {
  if (state.retry.includes(id) || state.thresholdMs === null || receivedAtMs > state.thresholdMs) return true;
  return receivedAtMs === state.thresholdMs && !state.doneAtThreshold.includes(id);
}

/** R8: the threshold moves past a processed item (never back: a retried older item leaves it where it is). */
export function passThreshold(state: PeerProviderState, id: string, receivedAtMs: number): void {
  state.retry = state.retry.filter((r) => r !== id);
  if (state.thresholdMs === null || receivedAtMs > state.thresholdMs) {
    state.thresholdMs = receivedAtMs;
    state.doneAtThreshold = [id];
  } else if (receivedAtMs === state.thresholdMs && !state.doneAtThreshold.includes(id)) {
    state.doneAtThreshold.push(id);
  }
}

export function keepForRetry(state: PeerProviderState, id: string): void {
  if (!state.retry.includes(id)) state.retry.push(id);
}
