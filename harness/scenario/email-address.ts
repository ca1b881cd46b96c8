// An email address as scenario files write it: something@domain.tld, in any case (addresses are compared in lower
// case everywhere). One definition for every section that names mailboxes.
import { z } from 'zod';

/**
 * local@domain, no spaces, one @, and a dot inside the domain (not at its first or last character). Written so that
 * matching takes time linear in the text: the plain form, `[^@\s]+@[^@\s]+\.[^@\s]+`, tried every dot of the domain
 * against the rest of it, so a 200 KB "address" with a trailing space took half a minute to refuse (the security
 * review). The lookahead finds one character, a dot and a character in a single backward scan.
 */
export const EMAIL_ADDRESS = /^[^@\s]+@(?=[^@\s]*[^@\s]\.[^@\s])[^@\s]+$/;

export const emailAddress = z.string().regex(EMAIL_ADDRESS, 'an email address').transform((a) => a.toLowerCase()).meta({ title: 'email address' });
