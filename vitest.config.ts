import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; unit tests run the
      // same modules in plain Node, where the guard has nothing to guard.
      'server-only': path.resolve(import.meta.dirname, 'tests/unit/support/empty.ts'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Tests that write a temporary database take well under a second on a quiet machine, but far longer on a busy
    // 2-core one; a slow machine should not read as a failing test.
    testTimeout: 20_000,
  },
});
