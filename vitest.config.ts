import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every property runs from a pinned seed (MAILFLOW_FC_SEED overrides it).
    setupFiles: ['test/helpers/pin-fast-check.ts'],
    // Property tests replay many worlds; the default 5 s is tight on a loaded 2-core CI machine.
    testTimeout: 60_000,
    // Browser suites build their pages in beforeAll by running the CLI (a report, a plan sweep): the default 10 s
    // failed one under a full parallel run.
    hookTimeout: 60_000,
  },
});
