// The CRM directory resolves a user or queue whatever the case of the address and the order of questions: its memory
// of the last address asked after never answers for another one.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crmDirectory } from '../../../fakes/crm/crm-directory.js';
import { crmMailbox } from '../../helpers/crm-org.js';

const PAUL = 'paul@contoso.example';
const QUEUE = 'support@contoso.example';
const ASKED = [PAUL, 'Paul@Contoso.Example', QUEUE, 'SUPPORT@contoso.example', 'nobody@contoso.example', 'carol@fabrikam.example'];

describe('crmDirectory', () => {
  it('finds the same user or queue for an address in any case, in any order of questions', () => {
    const paul = crmMailbox(PAUL, { userNumber: 1 });
    const queue = crmMailbox(QUEUE, { kind: 'queue' });
    const expected = new Map([[PAUL, paul], [QUEUE, queue]]);
    fc.assert(fc.property(fc.array(fc.constantFrom(...ASKED), { maxLength: 30 }), (questions) => {
      const directory = crmDirectory({ mailboxes: [paul, queue], records: [] });
      for (const address of questions) {
        expect(directory.mailbox(address)).toBe(expected.get(address.toLowerCase()));
        expect(directory.party(address)?.address).toBe(expected.has(address.toLowerCase()) ? address.toLowerCase() : undefined);
      }
    }));
  });
});
