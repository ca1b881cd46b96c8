// HomeLookup answers what the directory answers, whatever the case of the address and the order of questions: its
// memory of the last mailbox asked after never gives a stale or another mailbox's home.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MailboxHome } from '../../../fakes/exchange/exchange-config.js';
import { HomeLookup } from '../../../fakes/exchange/home-lookup.js';

const home = (address: string, server: string): MailboxHome =>
  ({ mailbox: { address, kind: 'user', database: `db-${server}`, rules: [] }, server, site: 'hq' }) as unknown as MailboxHome;

const DIRECTORY = new Map<string, MailboxHome>([
  ['paul@contoso.example', home('paul@contoso.example', 'ex1')],
  ['anna@contoso.example', home('anna@contoso.example', 'ex2')],
]);
const ASKED = ['paul@contoso.example', 'Paul@Contoso.example', 'anna@contoso.example', 'ANNA@contoso.example', 'nobody@contoso.example'];

describe('HomeLookup', () => {
  it('answers like the directory, lower-casing the address, for any sequence of questions', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...ASKED), { maxLength: 30 }), (questions) => {
      const homes = new HomeLookup(DIRECTORY);
      for (const address of questions) {
        expect(homes.find(address)).toBe(DIRECTORY.get(address.toLowerCase()));
        expect(homes.key).toBe(address.toLowerCase());
      }
    }));
  });

  it('answers a repeated question without asking the directory again', () => {
    let asked = 0;
    const counting = new Map(DIRECTORY);
    const get = counting.get.bind(counting);
    counting.get = (key: string) => { asked++; return get(key); };
    const homes = new HomeLookup(counting);
    homes.find('paul@contoso.example');
    homes.find('paul@contoso.example');
    expect(asked).toBe(1);
    homes.find('anna@contoso.example');
    homes.find('paul@contoso.example');
    expect(asked).toBe(3);
  });
});
