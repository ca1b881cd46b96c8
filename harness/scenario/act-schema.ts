// An appointment, contact or task as a scenario's `exchangeItem` and `crmRecord` operations state it (S15): the
// fields a person sets or changes; absent fields stay as they were.
import { z } from 'zod';
import { ACT_ENTITIES, type ActEntity } from '../../fakes/exchange/act-items.js';
import { instantMs as instant } from './duration.js';

const address = z.string().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'an email address').transform((a) => a.toLowerCase());

export const actChangeSchema = z.strictObject({
  id: z.string().min(1),
  entity: z.enum(ACT_ENTITIES as [ActEntity, ...ActEntity[]]).optional(),
  subject: z.string().optional(),
  start: instant.optional(),
  end: instant.optional(),
  due: instant.optional(),
  completed: z.boolean().optional(),
  organizer: address.optional(),
  attendees: z.array(address).optional(),
  /** Exchange: the person tracks it in CRM as they create it. */
  tracked: z.boolean().optional(),
  /** Exchange `copy`: the new item's id. */
  copyId: z.string().min(1).optional(),
  /** CRM: the owning user, and a resource the appointment books (S15's scheduling conflicts). */
  owner: address.optional(),
  resource: z.string().min(1).optional(),
}).transform(({ start, end, due, ...rest }) => ({
  ...rest,
  ...(start === undefined ? {} : { startMs: start }),
  ...(end === undefined ? {} : { endMs: end }),
  ...(due === undefined ? {} : { dueMs: due }),
}));
