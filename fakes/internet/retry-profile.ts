// How a sending MTA retries (X1). The Exchange profile follows Exchange's documented defaults: glitch retries 4 x 1
// min, transient retries 6 x 5 min, then 10 min after a connection failure or 15 min after a 4xx reply; a delay
// notification at 4 h; expiry (an NDR) after 2 days. The RFC 5321 profile retries every 30 min for 5 days.

export interface RetryProfile {
  readonly name: 'exchange' | 'rfc5321';
  readonly glitchRetries: number;
  readonly glitchRetryIntervalMs: number;
  readonly transientRetries: number;
  readonly transientRetryIntervalMs: number;
  readonly connectionRetryIntervalMs: number;
  readonly messageRetryIntervalMs: number;
  readonly delayNoticeAfterMs: number;
  readonly expiryMs: number;
  /**
   * Drop a message after a connection failure or a 4xx instead of queueing it for another try, telling nobody: what X1
   * says a sending MTA must not do. Only a scenario's `injectBug: no-sender-retry` sets it.
   */
  readonly dropsOnTransientFailure?: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const RETRY_PROFILES: Readonly<Record<RetryProfile['name'], RetryProfile>> = {
  exchange: {
    name: 'exchange', glitchRetries: 4, glitchRetryIntervalMs: MINUTE, transientRetries: 6,
    transientRetryIntervalMs: 5 * MINUTE, connectionRetryIntervalMs: 10 * MINUTE, messageRetryIntervalMs: 15 * MINUTE,
    delayNoticeAfterMs: 4 * HOUR, expiryMs: 2 * DAY,
  },
  rfc5321: {
    name: 'rfc5321', glitchRetries: 0, glitchRetryIntervalMs: 30 * MINUTE, transientRetries: 0,
    transientRetryIntervalMs: 30 * MINUTE, connectionRetryIntervalMs: 30 * MINUTE, messageRetryIntervalMs: 30 * MINUTE,
    delayNoticeAfterMs: 4 * HOUR, expiryMs: 5 * DAY,
  },
};

/** The wait before the next attempt, after `failures` failed attempts (1 for the first failure). */
export function retryDelayMs(profile: RetryProfile, failures: number, kind: 'connection' | 'reply'): number {
  if (failures <= profile.glitchRetries) return profile.glitchRetryIntervalMs;
  if (failures <= profile.glitchRetries + profile.transientRetries) return profile.transientRetryIntervalMs;
  return kind === 'connection' ? profile.connectionRetryIntervalMs : profile.messageRetryIntervalMs;
}
