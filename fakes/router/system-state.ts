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
