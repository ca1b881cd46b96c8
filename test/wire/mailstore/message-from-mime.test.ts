// Reading a stored item as the models see it: the copy a rule forwarded as an attachment (R2) carries the original's
// Message-ID, which the ledger and CRM key on, whether the message/rfc822 part is marked as an attachment (Exchange's
// rules), inline (mailparser alone flattened that into the body text) or not at all, and whatever its transfer encoding.
import { describe, expect, it } from 'vitest';
import { messageFromMime } from '../../../fakes/wire/mailstore/message-from-mime.js';

const ORIGINAL = [
  'Message-ID: <orig-1@fabrikam.example>', 'From: Carol <carol@fabrikam.example>', 'To: alice@contoso.example',
  'Subject: Quote', '', 'The quote you asked for.', '',
].join('\r\n');

/** A forward-mailbox copy: a short note and the original as a message/rfc822 part with the given part headers. */
function forwarded(partHeaders: readonly string[], body = ORIGINAL): Buffer {
  return Buffer.from([
    'Message-ID: <fw-1.alice@contoso.example>', 'From: alice@contoso.example', 'To: crm@contoso.example', 'Subject: FW: Quote',
    'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b1"', '',
    '--b1', 'Content-Type: text/plain', '', 'Forwarded by an inbox rule.',
    '--b1', 'Content-Type: message/rfc822', ...partHeaders, '', body,
    '--b1--', '',
  ].join('\r\n'));
}

describe('messageFromMime', () => {
  it.each([
    ['attachment', ['Content-Disposition: attachment; filename="original.eml"']],
    ['inline', ['Content-Disposition: inline']],
    ['no disposition', []],
  ])('takes the original out of a message/rfc822 part marked %s', async (_label, headers) => {
    const message = await messageFromMime(forwarded(headers));
    expect(message).toMatchObject({ key: '<fw-1.alice@contoso.example>', from: 'alice@contoso.example', to: ['crm@contoso.example'] });
    expect(message.attached).toMatchObject({
      key: '<orig-1@fabrikam.example>', messageId: '<orig-1@fabrikam.example>', from: 'carol@fabrikam.example', to: ['alice@contoso.example'], subject: 'Quote',
    });
  });

  it('decodes a base64-encoded original', async () => {
    const encoded = Buffer.from(ORIGINAL).toString('base64').replace(/.{76}/g, '$&\r\n');
    const message = await messageFromMime(forwarded(['Content-Disposition: inline', 'Content-Transfer-Encoding: base64'], encoded));
    expect(message.attached?.messageId).toBe('<orig-1@fabrikam.example>');
  });

  it('reads a message with no embedded one as itself, and keys one without a Message-ID the same on every read', async () => {
    const plain = Buffer.from('From: carol@fabrikam.example\r\nTo: alice@contoso.example\r\nSubject: hi\r\n\r\nbody\r\n');
    const first = await messageFromMime(plain);
    expect(first.attached).toBeUndefined();
    expect(first.messageId).toBeNull();
    expect(first.key).toMatch(/^\(no Message-ID [0-9a-f]{16}\)$/);
    expect((await messageFromMime(plain)).key).toBe(first.key);
  });

  it('takes the first of two embedded messages', async () => {
    const second = ORIGINAL.replace('orig-1', 'orig-2');
    const raw = forwarded(['Content-Disposition: inline']).toString().replace('--b1--', `--b1\r\nContent-Type: message/rfc822\r\n\r\n${second}\r\n--b1--`);
    expect((await messageFromMime(Buffer.from(raw))).attached?.messageId).toBe('<orig-1@fabrikam.example>');
  });
});
