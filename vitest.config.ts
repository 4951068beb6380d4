import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Time limits catch hangs, never slowness: a test that takes 10x longer on a shared, busy CI
    // machine must still pass. Tests that prove something is prompt do it by counting or ordering
    // (fake timers, events), not with a clock or a tight time limit.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Bundles the generator once, before any worker spawns the CLI (test/globalSetup.ts).
    globalSetup: ["test/globalSetup.ts"],
  },
});
