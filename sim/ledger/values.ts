// The values path steps name (mailboxes, folders, reason codes, activity ids), each stored once and referred to by
// number. Values that recur (a mailbox gets many messages) are interned; values that are new almost every time (an
// activity id, a free-text reason with a count in it) are kept without a lookup entry, which would cost more than the
// value itself.
export type StepValue = string | number;

/** The id of an absent optional value. */
export const NO_VALUE = -1;

export class ValueTable {
  private readonly values: StepValue[] = [];
  private readonly ids = new Map<StepValue, number>();

  /** The id of a value that recurs: the same value always gets the same id. */
  intern(value: StepValue): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.push(value) - 1;
      this.ids.set(value, id);
    }
    return id;
  }

  /** The id of a value that rarely recurs: a new id every time. */
  keep(value: StepValue): number {
    return this.values.push(value) - 1;
  }

  get(id: number): StepValue {
    return this.values[id] as StepValue;
  }

  /** How many values the table holds: ids run from 0 to size - 1, in the order the values came. */
  get size(): number {
    return this.values.length;
  }
}
