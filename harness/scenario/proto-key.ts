// zod's records drop a `__proto__` key without a word; scenario maps refuse it instead.
import { z } from 'zod';

/**
 * A map written in a scenario (the expect block's, a message's headers), refusing the key `__proto__`. zod's records
 * skip that key (copying it would set the parsed object's prototype), so `untracked: { __proto__: ">= 5" }` validated
 * and the expectation was silently gone.
 * Checked on the input, before the record drops it; the JSON Schema still describes the record (zod reads a
 * preprocess's input side as the schema after it).
 */
export function refusingProtoKey<T extends z.ZodType>(record: T) {
  return z.preprocess((value, ctx) => {
    if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')) {
      ctx.addIssue({ code: 'custom', path: ['__proto__'], message: '__proto__ names nothing here (a name JavaScript objects cannot hold): this entry would be dropped unread', input: value });
    }
    return value;
  }, record);
}
