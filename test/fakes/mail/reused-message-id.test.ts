// Scenario traffic and serve's clients alike: a different message reusing a Message-ID gets a ledger life of its
// own; the same message sent again (same From and Subject) keeps its key, whatever its Date or body.
import { describe, expect, it } from 'vitest';
import { MessageIdUses } from '../../../fakes/mail/reused-message-id.js';
import type { MailMessage } from '../../../fakes/mail/mail-message.js';

const mail = (subject: string, over: Partial<MailMessage> = {}): MailMessage => ({
  key: '<fixed@mailer.example>', messageId: '<fixed@mailer.example>', from: 'noreply@mailer.example', to: ['paul@contoso.example'], cc: [],
  subject, sizeBytes: 2_000, ...over,
});

describe('MessageIdUses', () => {
  it('keys the first message by its Message-ID and each later different one by its own key, retries included', () => {
    const uses = new MessageIdUses();
    expect(uses.keyed(mail('Invoice 1')).key).toBe('<fixed@mailer.example>');
    expect(uses.keyed(mail('Invoice 2')).key).toBe('<fixed@mailer.example> (message 2 with this Message-ID)');
    // The first message again (a retry after a lost 250, or to other recipients): still the first life.
    expect(uses.keyed(mail('Invoice 1', { to: ['anna@contoso.example'] })).key).toBe('<fixed@mailer.example>');
    expect(uses.keyed(mail('Invoice 2')).key).toBe('<fixed@mailer.example> (message 2 with this Message-ID)');
    // Another author, same ID and subject; and the Message-ID compared without regard to case.
    expect(uses.keyed(mail('Invoice 1', { from: 'billing@mailer.example' })).key).toBe('<fixed@mailer.example> (message 3 with this Message-ID)');
    expect(uses.keyed(mail('Invoice 2', { key: '<FIXED@mailer.example>', messageId: '<FIXED@mailer.example>' })).key)
      .toBe('<FIXED@mailer.example> (message 2 with this Message-ID)');
  });

  it('leaves a message without a Message-ID, and a first use, as they are', () => {
    const uses = new MessageIdUses();
    const keyless = mail('x', { key: '(no Message-ID: ex1 wire message 1)', messageId: null });
    expect(uses.keyed(keyless)).toBe(keyless);
    const first = mail('y', { key: '<other@mailer.example>', messageId: '<other@mailer.example>' });
    expect(uses.keyed(first)).toBe(first);
  });
});
