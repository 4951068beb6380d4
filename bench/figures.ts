/** Figures as the bench's tables and progress lines print them. */
export const fmtInt = (value: number) => value.toLocaleString("en-US");
export const fmtSeconds = (ms: number) => (ms / 1000).toFixed(2);
export const fmtMiB = (kb: number | undefined) => (kb === undefined ? "?" : (kb / 1024).toFixed(0));
export const fmtKiB = (bytes: number | undefined) => (bytes === undefined ? "—" : fmtInt(Math.round(bytes / 1024)));
