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
