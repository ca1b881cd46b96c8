import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests replay many worlds; the default 5 s is tight on a loaded 2-core CI machine.
    testTimeout: 60_000,
  },
});
