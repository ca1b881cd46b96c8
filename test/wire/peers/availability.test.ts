// The skip rule for peer tests: a missing binary skips with a reason, unless MAILFLOW_REQUIRE_PEERS=1 turns the skip
// into an error (CI must not pass by skipping them).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requirePeers, skipWithoutPeers } from '../../helpers/peers/availability.js';

const ABSENT = ['/nonexistent/sbin/postfix'];

describe('peer availability', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('skips with the reason when a binary is missing', () => {
    vi.stubEnv('MAILFLOW_REQUIRE_PEERS', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(skipWithoutPeers('some.test', ABSENT)).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('some.test: skipped, /nonexistent/sbin/postfix not installed'));
  });

  it('does not skip but fails when MAILFLOW_REQUIRE_PEERS=1', () => {
    vi.stubEnv('MAILFLOW_REQUIRE_PEERS', '1');
    expect(skipWithoutPeers('some.test', ABSENT)).toBe(false);
    expect(() => requirePeers(ABSENT)).toThrow(/required \(MAILFLOW_REQUIRE_PEERS=1\) but cannot run: \/nonexistent\/sbin\/postfix not installed/);
  });

  it.runIf(process.getuid?.() === 0)('runs when the binaries are there and it is root', () => {
    expect(skipWithoutPeers('some.test', [process.execPath])).toBe(false);
    expect(() => requirePeers([process.execPath])).not.toThrow();
  });
});
