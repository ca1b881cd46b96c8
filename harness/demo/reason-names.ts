// CheckIncomingEmail's reason codes by name (S8), as a class reads them in captions and the inspector.
import { REASON } from '../../fakes/crm/reason-codes.js';

const NAMES = new Map<number, string>(Object.entries(REASON).map(([key, code]) => [code, key.charAt(0).toUpperCase() + key.slice(1)]));

export function reasonName(code: number): string {
  return NAMES.get(code) ?? `reason ${code}`;
}
