/** A `--timings` figure: `1.23 s`. */
export const inSeconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
