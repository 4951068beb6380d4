/** What kind of difference between two surfaces a change is. */
export type ChangeKind =
  | "operation-added"
  | "operation-removed"
  | "operation-renamed"
  | "operation-moved"
  | "operation-server"
  | "class-method-moved"
  | "paging-added"
  | "paging-removed"
  | "paging-scheme"
  | "parameter-added"
  | "parameter-removed"
  | "parameter-required"
  | "parameter-optional"
  | "parameter-type"
  | "body-added"
  | "body-removed"
  | "body-required"
  | "body-optional"
  | "body-type"
  | "result-type"
  | "error-added"
  | "error-removed"
  | "type-added"
  | "type-removed"
  | "type-kind"
  | "type-text"
  | "property-added"
  | "property-removed"
  | "property-required"
  | "property-optional"
  | "property-type"
  | "enum-value-added"
  | "enum-value-removed";

/** One difference between two surfaces, classified for a caller of the client. */
export interface SurfaceChange {
  kind: ChangeKind;
  /** True when code written against the old client may stop compiling or start misbehaving. */
  breaking: boolean;
  /** The operation or type it concerns; a property as `Type.property`. */
  subject: string;
  /** One line of Markdown saying what changed. */
  message: string;
}
