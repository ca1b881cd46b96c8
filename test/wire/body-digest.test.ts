// A resend is known by its body (resend-chains.ts): the digest must not depend on how the bytes are split into
// chunks, nor on what a mailer draws anew per message (header fields, MIME boundaries), and must tell bodies apart.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { BodyDigest } from '../../fakes/wire/body-digest.js';

function digestIn(bytes: Buffer, cuts: number[]): string {
  const digest = new BodyDigest();
  let from = 0;
  for (const cut of [...[...cuts].sort((a, b) => a - b), bytes.length]) {
    digest.add(bytes.subarray(from, cut));
    from = cut;
  }
  return digest.finish();
}

/** The message nodemailer would send for these options, as bytes. */
async function built(options: SendMailOptions): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await transport.sendMail(options);
  return info.message as Buffer;
}

const MAIL = { from: 'app@fabrikam.example', to: 'paul@contoso.example', subject: 'Order 4711', text: 'Thanks.\n-- \nThe shop', html: '<p>Thanks.</p>' };

describe('BodyDigest', () => {
  it('is the same however the message is split into chunks', () => {
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.array(fc.constantFrom('a', '-', '\r\n', 'boundary=', '\r', '\n', '--x')).map((parts) => Buffer.from(parts.join('')))), fc.array(fc.nat(300)), (body, cuts) => {
      const bytes = Buffer.concat([Buffer.from('Subject: x\r\n\r\n'), Buffer.from(body as Uint8Array)]);
      expect(digestIn(bytes, cuts.map((c) => c % (bytes.length + 1)))).toBe(digestIn(bytes, []));
    }));
  });

  it('is the same for two builds of one nodemailer message (new Message-ID, Date and boundaries)', async () => {
    const [a, b] = [await built(MAIL), await built(MAIL)];
    expect(a.equals(b)).toBe(false);
    expect(digestIn(a, [])).toBe(digestIn(b, [7, 100]));
  });

  it('differs when the text differs, and ignores the header block', async () => {
    expect(digestIn(await built(MAIL), [])).not.toBe(digestIn(await built({ ...MAIL, text: 'Thanks!' }), []));
    expect(digestIn(Buffer.from('Subject: a\r\n\r\nbody\r\n'), [])).toBe(digestIn(Buffer.from('Subject: b\r\nX: y\r\n\r\nbody\r\n'), []));
  });
});
