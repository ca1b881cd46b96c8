// Which client message is a resend: the same content after a lost 250, until the client hears a 250 for it.
import { describe, expect, it } from 'vitest';
import { ResendChains } from '../../fakes/wire/resend-chains.js';

const content = ResendChains.contentKey({ from: 'App@Fabrikam.example', recipients: ['b@x', 'A@x'], subject: 'Hi', body: 'd1' });

describe('ResendChains', () => {
  it('knows content by From, recipients in any order and case, Subject and body', () => {
    expect(ResendChains.contentKey({ from: 'app@fabrikam.example', recipients: ['a@x', 'b@x', 'a@x'], subject: 'Hi', body: 'd1' })).toBe(content);
    expect(ResendChains.contentKey({ from: 'app@fabrikam.example', recipients: ['a@x', 'b@x'], subject: 'hi', body: 'd1' })).not.toBe(content);
    expect(ResendChains.contentKey({ from: 'app@fabrikam.example', recipients: ['a@x', 'b@x'], subject: 'Hi', body: 'd2' })).not.toBe(content);
  });

  it('links later sends to the first whose 250 was lost, until a 250 is heard', () => {
    const chains = new ResendChains();
    expect(chains.chainOf(content)).toBeUndefined();
    chains.replyLost(content, '<1>');
    chains.replyLost(content, '<2>'); // a resend that lost its 250 too: still the first's chain
    expect(chains.chainOf(content)).toBe('<1>');
    chains.replyHeard(content);
    // Heard: the same content later is an email of its own (a report sent every hour).
    expect(chains.chainOf(content)).toBeUndefined();
  });
});
