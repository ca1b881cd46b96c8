// Microsoft.Crm.Tools.EmailAgent.SystemState.xml as the router keeps it on disk (R8): per provider instance (one per
// monitored mailbox) the ThresholdDate it has processed up to, and its last error. The file can be missing (the
// service writes a new one), or corrupt: then the service does not start until the file is deleted (KB954522).

export interface ProviderState {
  readonly emailAddress: string;
  /** Mail received at or before this instant (virtual ms) has been processed; null is 0001-01-01: everything. */
  thresholdMs: number | null;
  /** [I] Items received exactly at the threshold instant that are done (the file keeps a date only; the model
   * needs this so two items of one instant are neither skipped nor read twice). */
  doneAtThreshold: number[];
  /** [I] Items that failed (a poison message) or were left to another thread, by store id: read again every cycle
   * whatever the threshold, while the threshold moves on over the items that were done. */
  retry: number[];
  lastError: string | null;
}

export interface SystemState {
  file: 'present' | 'missing' | 'corrupt';
  /** By provider id. */
  readonly providers: Map<string, ProviderState>;
}

export function newSystemState(): SystemState {
  return { file: 'missing', providers: new Map() };
}

export function providerState(state: SystemState, id: string, emailAddress: string): ProviderState {
  let entry = state.providers.get(id);
  if (entry === undefined) state.providers.set(id, (entry = { emailAddress, thresholdMs: null, doneAtThreshold: [], retry: [], lastError: null }));
  return entry;
}

/** A copy of the file as it is: the router's start state, or a backup of the file (X5). */
export function copyState(state: SystemState | null): SystemState {
  const copy = newSystemState();
  if (state === null) return copy;
  copy.file = state.file;
  for (const [id, p] of state.providers) copy.providers.set(id, { ...p, doneAtThreshold: [...p.doneAtThreshold], retry: [...p.retry] });
  return copy;
}

/** The file replaced, in place, by `from` (a restored backup): the service reads the file as it goes. */
export function replaceState(state: SystemState, from: SystemState): void {
  const copy = copyState(from);
  state.file = copy.file;
  state.providers.clear();
  for (const [id, p] of copy.providers) state.providers.set(id, p);
}

/** X5: a copy of SystemState.xml kept off the router's box, taken at `atMs`. */
export interface StateBackup {
  readonly atMs: number;
  readonly state: SystemState;
}
