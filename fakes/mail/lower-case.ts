// Addresses and Message-IDs are compared case-insensitively, so models key their maps by the lower-case form. Most
// of them are lower case already: handing back the same string (not a new one from toLowerCase) saves an allocation
// and lets a map use the hash the string already carries. At scale (a million Message-IDs, 10,000 mailboxes polled
// every 5 minutes) a new string per look-up cost more than the look-up.

const UPPER_A = 0x41;
const UPPER_Z = 0x5a;
const ASCII_LIMIT = 0x80;

/** `value.toLowerCase()`, but `value` itself when that would be equal (ASCII with no capital letter). */
export function lowerCase(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c >= UPPER_A && c <= UPPER_Z) || c >= ASCII_LIMIT) return value.toLowerCase();
  }
  return value;
}
