// The order a check lists its offenders in. A check may name tens of thousands of messages while a reader sees a
// few (the summary three, `--json` twenty, the report's table a sample): in the order the ledger saw them, those few
// all share the earliest trouble (a minority reason, the first hour) and hide the rest. So every beginning of the
// list is a fair sample: one offender of each reason (the most common first), then the reasons in proportion to how
// many each has, and each reason's offenders spread over the run: the one halfway first, then those at a quarter and
// three quarters, then the eighths, and so on (its very first, often an odd one out, comes late). Same offenders,
// same order: nothing here is random.
import type { Offender } from './check-result.js';

/** A check's offenders as it finds them, each under a reason (its kind of trouble; '' for a check with one kind). */
export class OffenderList {
  private readonly byReason = new Map<string, Offender[]>();
  private count = 0;

  add(offender: Offender, reason = ''): void {
    const group = this.byReason.get(reason);
    if (group === undefined) this.byReason.set(reason, [offender]);
    else group.push(offender);
    this.count++;
  }

  get length(): number {
    return this.count;
  }

  /** Every offender, in the order described above. */
  ordered(): Offender[] {
    return representativeOrder([...this.byReason.values()]);
  }
}

/** Interleaves the groups (each in its own order, e.g. as the ledger saw them) so that any beginning is a fair sample. */
export function representativeOrder<T>(groups: ReadonlyArray<readonly T[]>): T[] {
  const spread = groups.map((g) => spreadOrder(g));
  const next = groups.map(() => 0);
  const out: T[] = [];
  for (const g of apportioned(groups.map((group) => group.length))) out.push((spread[g] as T[])[(next[g] as number)++] as T);
  return out;
}

/**
 * The items so that each beginning spreads over them all: the middle, the quarters, the eighths... (the fractions
 * k / 2^b for k = 1, 2, ... 2^b - 1 with k's b bits reversed, then 0; each scaled to the list and taken the first time
 * it comes up: as n <= 2^b, every index does). Two items or fewer keep their order.
 */
export function spreadOrder<T>(items: readonly T[]): T[] {
  const n = items.length;
  if (n <= 2) return [...items];
  let bits = 0;
  while (1 << bits < n) bits++;
  const slots = 1 << bits;
  const seen = new Uint8Array(n);
  const out: T[] = [];
  const take = (fraction: number): void => {
    const i = Math.floor((fraction * n) / slots);
    if (seen[i] === 1) return;
    seen[i] = 1;
    out.push(items[i] as T);
  };
  // `reversed` counts slots/2, slots/4, 3 slots/4 ...: one added at its high end, carried downwards.
  for (let k = 1, reversed = slots >> 1; k < slots; k++) {
    take(reversed);
    let bit = slots >> 1;
    while (bit !== 0 && (reversed & bit) !== 0) {
      reversed ^= bit;
      bit >>= 1;
    }
    reversed |= bit;
  }
  take(0);
  return out;
}

/**
 * Which group each next pick comes from, `sizes` summed in all: each group once, largest first; then the group whose
 * size over (picks so far + 1) is largest (D'Hondt's rule, so every beginning is near proportional). Ties go to the
 * group listed first.
 */
export function* apportioned(sizes: readonly number[]): Generator<number> {
  const taken = sizes.map(() => 0);
  const first = sizes.map((_, i) => i).filter((i) => (sizes[i] as number) > 0).sort((a, b) => (sizes[b] as number) - (sizes[a] as number) || a - b);
  for (const g of first) {
    taken[g] = 1;
    yield g;
  }
  // Before: the larger quotient size / (taken + 1), compared by cross-multiplying (whole numbers, exact).
  const before = (a: number, b: number): boolean => {
    const left = (sizes[a] as number) * ((taken[b] as number) + 1);
    const right = (sizes[b] as number) * ((taken[a] as number) + 1);
    return left > right || (left === right && a < b);
  };
  const heap = new GroupHeap(first.filter((g) => (sizes[g] as number) > 1), before);
  for (let g = heap.pop(); g !== undefined; g = heap.pop()) {
    taken[g] = (taken[g] as number) + 1;
    yield g;
    if ((taken[g] as number) < (sizes[g] as number)) heap.push(g);
  }
}

/** A binary heap of group indexes under `before`: a check may have thousands of reasons (liveness: each place). */
class GroupHeap {
  private readonly items: number[] = [];

  constructor(initial: readonly number[], private readonly before: (a: number, b: number) => boolean) {
    for (const g of initial) this.push(g);
  }

  push(g: number): void {
    const items = this.items;
    let i = items.push(g) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(g, items[parent] as number)) break;
      items[i] = items[parent] as number;
      i = parent;
    }
    items[i] = g;
  }

  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= items.length) break;
      const r = l + 1;
      const child = r < items.length && this.before(items[r] as number, items[l] as number) ? r : l;
      if (!this.before(items[child] as number, last)) break;
      items[i] = items[child] as number;
      i = child;
    }
    items[i] = last;
    return top;
  }
}
