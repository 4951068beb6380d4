/**
 * The time budget (--budget): what is left of it, and whether a peer's next size fits. Ours
 * always runs in full; see bench/README.md.
 */
import type { Context } from "./benchContext.js";
import { fmtInt, fmtSeconds } from "./figures.js";
import type { GenerationResult } from "./generationResult.js";

/** Time kept back from the budget for the warm and start-up rows (about 60 s), the consumer type-check and the bundles. */
const reserveMs = 110_000;

export function remainingMs(context: Context): number {
  const { budgetMs } = context.options;
  return budgetMs === undefined ? Number.POSITIVE_INFINITY : budgetMs - context.progress.elapsedMs() - reserveMs;
}

/** Why a peer is skipped at `size` before it runs (stopped at a smaller size, or predicted to overrun), or undefined. */
export function budgetSkip(context: Context, history: GenerationResult[], size: number): string | undefined {
  const stoppedBefore = history.find((earlier) => earlier.status === "timed-out");
  const predicted = predictMs(history, size);
  const left = remainingMs(context);
  if (stoppedBefore !== undefined) return `skipped: it was stopped at ${fmtInt(stoppedBefore.operations)} operations already`;
  if (left < 10_000 || (predicted !== undefined && predicted > left)) {
    return (
      `skipped: one run predicted ~${fmtSeconds(predicted ?? 0).replace(/\.\d+$/, "")} s ` +
      `(from its smaller sizes), more than the ${Math.max(0, Math.round(left / 1000))} s left of the ` +
      `${Math.round(context.options.budgetMs! / 1000)} s budget; --budget 0 runs it`
    );
  }
  return undefined;
}

/**
 * Predicted wall time of one run at `size` from the tool's earlier sizes: a power law through the
 * last two (exponent clamped to 1..3), or linear from the only one.
 */
function predictMs(history: GenerationResult[], size: number): number | undefined {
  const points = history.filter((result) => result.status === "ok" && result.medianWallMs !== undefined && result.operations < size);
  const last = points.at(-1);
  if (last === undefined) return undefined;
  const before = points.at(-2);
  let exponent = 1;
  if (before !== undefined) {
    exponent = Math.log(last.medianWallMs! / before.medianWallMs!) / Math.log(last.operations / before.operations);
    exponent = Math.min(3, Math.max(1, Number.isFinite(exponent) ? exponent : 1));
  }
  return last.medianWallMs! * (size / last.operations) ** exponent;
}
