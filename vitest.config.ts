import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
    // Every core: Vitest's default leaves one free, which on a 2-core machine runs the files one at a time.
    // Most of the slow files wait on builds and scripts they start, so two at once took 116 s against 155 s.
    maxWorkers: availableParallelism(),
  },
});
