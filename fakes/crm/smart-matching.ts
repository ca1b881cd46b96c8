// S11 smart matching's subject hash: strip leading `word:` prefixes (RE:, FW:, AW:, ...) and the tracking token,
// keep at most `maxSubjectWords` words, compare without case. A plain string stands in for CRM's hash.

const PREFIX = /^\s*[^\s:]{1,10}:\s*/;

export function subjectHash(subject: string, maxSubjectWords: number): string {
  let rest = subject;
  for (let match = PREFIX.exec(rest); match !== null && !/\d/.test(match[0]); match = PREFIX.exec(rest)) {
    rest = rest.slice(match[0].length);
  }
  const words = rest.split(/\s+/).filter((w) => w.length > 0 && !/^[A-Za-z]{1,20}:\d+$/.test(w));
  return words.slice(0, maxSubjectWords).join(' ').toLowerCase();
}
