// An appointment, contact or task as a scenario's `exchangeItem` and `crmRecord` operations state it (S15): the
// fields a person sets or changes; absent fields stay as they were.
import { z } from 'zod';
import { ACT_ENTITIES, type ActEntity } from '../../fakes/exchange/act-items.js';
import { instantMs as instant } from './duration.js';
import { emailAddress } from './email-address.js';

const address = emailAddress;

export const actChangeSchema = z.strictObject({
  id: z.string().min(1).meta({ description: 'The item\'s id; later operations on the same item use it.', examples: ['meeting-1'] }),
  entity: z.enum(ACT_ENTITIES as [ActEntity, ...ActEntity[]]).optional().describe('What it is; needed when the item is created.'),
  subject: z.string().optional().meta({ description: 'The subject or name.', examples: ['Quarterly review'] }),
  start: instant.optional().describe('An appointment\'s start.'),
  end: instant.optional().describe('An appointment\'s end.'),
  due: instant.optional().describe('A task\'s due date.'),
  completed: z.boolean().optional().describe('A task is completed.'),
  organizer: address.optional().describe('An appointment\'s organizer.'),
  attendees: z.array(address).optional().meta({ description: 'An appointment\'s attendees.', examples: [['carol@fabrikam.example']] }),
  tracked: z.boolean().optional().describe('Exchange: the person tracks it in CRM as they create it.'),
  copyId: z.string().min(1).optional().meta({ description: 'Exchange `copy`: the new item\'s id (S15: copied items are ignored).', examples: ['meeting-1-copy'] }),
  owner: address.optional().describe('CRM: the owning user.'),
  resource: z.string().min(1).optional().meta({ description: 'CRM: a resource the appointment books (S15\'s scheduling conflicts).', examples: ['room-1'] }),
}).refine((c) => c.start === undefined || c.end === undefined || c.end >= c.start, { message: 'an appointment cannot end before it starts', path: ['end'] })
  .transform(({ start, end, due, ...rest }) => ({
  ...rest,
  ...(start === undefined ? {} : { startMs: start }),
  ...(end === undefined ? {} : { endMs: end }),
  ...(due === undefined ? {} : { dueMs: due }),
}));
