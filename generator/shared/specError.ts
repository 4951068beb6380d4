/** Where in a spec something is: the file as the user named it, and a JSON pointer or a line. */
export interface SpecLocation {
  file: string;
  pointer?: string;
  line?: number;
  column?: number;
}

/** A problem with the input spec: always names the file, and the place in it when known. */
export class SpecError extends Error {
  readonly location: SpecLocation;

  constructor(location: SpecLocation, message: string) {
    super(message);
    this.name = "SpecError";
    this.location = location;
  }
}

/** Something a spec author should fix; generation goes on. */
export interface SpecWarning {
  location: SpecLocation;
  message: string;
  /** "note": nothing to fix, printed as `note:` rather than `warning:`. */
  level?: "note";
}

export function formatLocation(location: SpecLocation): string {
  if (location.line !== undefined) {
    const column = location.column === undefined ? "" : `:${location.column}`;
    return `${location.file}:${location.line}${column}`;
  }
  return location.pointer === undefined ? location.file : `${location.file}#${location.pointer}`;
}

/**
 * The lines to print for a run's warnings and notes: the same message at more than `shown` places
 * (150 GET operations with a body, say) shows its first places and one line counting the rest,
 * so that a different warning is not lost among them.
 */
export function warningLines(warnings: readonly SpecWarning[], shown = 3): string[] {
  const lines: string[] = [];
  const counts = new Map<string, { warning: SpecWarning; count: number }>();
  for (const warning of warnings) {
    const key = `${warning.level ?? "warning"}\0${warning.message}`;
    const seen = counts.get(key) ?? { warning, count: 0 };
    counts.set(key, { warning: seen.warning, count: seen.count + 1 });
    if (seen.count < shown) lines.push(`${warning.level ?? "warning"}: ${formatLocation(warning.location)}: ${warning.message}`);
  }
  for (const { warning, count } of counts.values()) {
    if (count > shown) lines.push(`${warning.level ?? "warning"}: ${warning.location.file}: ${count - shown} more places (${count} in all): ${warning.message}`);
  }
  return lines;
}
