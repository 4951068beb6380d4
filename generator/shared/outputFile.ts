/** A generated file, path relative to the API's output folder. */
export interface OutputFile {
  path: string;
  text: string;
  /** Where each top-level statement begins (leading comments included), so format/ can work statement by statement. */
  statementStarts?: readonly number[];
}
