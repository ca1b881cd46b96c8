// The faults and operations a run actually applied, with their virtual times, read from the engine's trace: this
// sees the scenario's `faults:` list, the operations the world builder schedules (a cutover's switch and batches) and
// those the models schedule themselves (a failover's return), with no copy of the world builder's logic.
import type { TraceKind, TraceRecord, TraceSink } from '../../sim/core/trace.js';

/** One fault or operation as the engine applied it. `target` is '' for verbs that act on the whole world. */
export interface AppliedFault {
  readonly atMs: number;
  readonly verb: string;
  readonly target: string;
  /** The verb's settings (a database, a list of mailboxes), as the trace records them; empty when it has none. */
  readonly params?: Readonly<Record<string, unknown>>;
}

/** An alert a model raised (server-side sync's, S4: a mailbox disabled, a profile failing), as the trace notes it. */
export interface RaisedAlert {
  readonly atMs: number;
  readonly actor: string;
  /** `mailbox paul@contoso.example: disabled: ...` */
  readonly text: string;
}

export interface FaultRecorder {
  /** Pass as the run's trace sink; records fault events and hands every record on to `next`. */
  readonly sink: TraceSink;
  /** What has been applied so far, in the order it happened. */
  readonly applied: readonly AppliedFault[];
  /** Alerts raised so far, in the order they were raised: what an administrator would see. */
  readonly alerts: readonly RaisedAlert[];
}

/** What the recorder reads: a run that feeds only it (no `--trace` file) can leave every other record unmade. */
export const FAULT_RECORD_KINDS: ReadonlySet<TraceKind> = new Set<TraceKind>(['fault', 'note']);

/** The trace note's tag for an alert (fakes/sss/sss-service.ts). */
const ALERT_TAG = 'sss-alert';

export function recordFaults(next?: TraceSink): FaultRecorder {
  const applied: AppliedFault[] = [];
  const alerts: RaisedAlert[] = [];
  const sink = (record: TraceRecord): void => {
    if (record.kind === 'fault') applied.push({ atMs: record.timeMs, verb: record.tag, target: record.actor, params: paramsOf(record.detail) });
    else if (record.kind === 'note' && record.tag === ALERT_TAG) alerts.push({ atMs: record.timeMs, actor: record.actor, text: record.detail ?? '' });
    next?.(record);
  };
  return { sink, applied, alerts };
}

function paramsOf(detail: string | undefined): Readonly<Record<string, unknown>> {
  if (detail === undefined) return {};
  const parsed = JSON.parse(detail) as { params?: Record<string, unknown> };
  return parsed.params ?? {};
}
