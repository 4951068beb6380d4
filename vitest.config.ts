import { configDefaults, defineConfig } from "vitest/config";

// Time limits catch hangs, never slowness: a test that takes 10x longer on a shared, busy CI machine
// must still pass. Tests that prove something is prompt do it by counting or ordering (fake timers,
// events), not with a clock or a tight time limit.
const limits = { testTimeout: 120_000, hookTimeout: 120_000 };

// Files whose vi.mock must reach a module they import only indirectly: they need modules of their own
// (test/isolation.test.ts keeps this list complete).
export const mocking = ["test/cache/runCache.test.ts", "test/load/ownDereference.test.ts"];

export default defineConfig({
  test: {
    // Bundles the generator once, before any worker spawns the CLI (test/globalSetup.ts).
    globalSetup: ["test/globalSetup.ts"],
    // Two workers even on two cores (vitest's default there is one): much of the suite waits on
    // child processes (tsc, the CLI, Prism), so a second file runs meanwhile.
    maxWorkers: 2,
    projects: [
      // The test files of one worker share the modules it has loaded (TypeScript, ts-morph, prettier,
      // the generator, which keeps nothing between calls but memos): loading them for every file
      // cost a third of the suite's CPU time.
      { test: { name: "shared", ...limits, isolate: false, exclude: [...configDefaults.exclude, ...mocking] } },
      { test: { name: "isolated", ...limits, include: mocking } },
    ],
  },
});
