import type { PagingScheme } from "../shared/pagingSchemes.js";
import type { SpecLocation } from "../shared/specError.js";

export type { PagingScheme };

/**
 * The generator's own model of an API: plain, fully resolved data. Names are
 * final TypeScript identifiers; nullability, required-ness and `$ref` names are
 * decided here so emitters never look at the raw spec.
 */
export interface ApiModel {
  /** The API's short name (spec folder name), e.g. "cerebras". */
  name: string;
  title: string;
  version: string;
  /** The spec's folder or file, as every generated file names it (see LoadedApi). */
  source: string;
  sourceFiles: string[];
  /** Content hash of the spec the model was built from, for provenance. */
  specHash: string;
  defaultBaseUrl: string;
  /** Environment variable the client reads the API key from, e.g. "CEREBRAS_API_KEY". */
  apiKeyEnvVar: string;
  securitySchemes: SecuritySchemeModel[];
  types: NamedTypeModel[];
  operations: OperationModel[];
  /** Values the spec gives as examples, with the type they should satisfy. */
  examples: ExampleModel[];
  /** The resource-style client (`client.chat.completions.create(…)`) over the same operations. */
  resourceClient: ResourceClientModel;
}

/** The client class and where each operation sits in it (`resourceClient.ts`). */
export interface ResourceClientModel {
  className: string;
  /** In operation (path) order. */
  methods: ResourceMethodModel[];
}

/**
 * One method: `client.<resource…>.<method>(positional?, params?, options?)`. The flat params object
 * holds the other parameters under their spec names and the body's properties beside them; the
 * method splits it back into the function's params.
 */
export interface ResourceMethodModel {
  resource: string[];
  method: string;
  /** The operation's `METHOD path`. */
  key: string;
  /** The function the method calls, and its result type. */
  operation: string;
  resultTypeName: string;
  doc: DocModel;
  /** The function's params type; absent when it takes none. */
  paramsTypeName?: string;
  /** The path parameters taken as leading arguments (their names in the function's params): the map's, else the last one. */
  positional: string[];
  /** Flat key -> the parameter's name in the function's params. */
  parameters: { key: string; name: string; required: boolean }[];
  /** The body: its properties spread in the flat object, or the whole body under `body` (not an object). `uploads`: it may go as multipart, so its files may be given as bytes or streams. */
  body?: { name: string; spread: boolean; required: boolean; uploads?: true };
  /** The flat object must be given (a required key in it). */
  paramsRequired: boolean;
  /** The stream twin picked when the flat object's switch is true; its items are events (their `data` is yielded) or values. */
  stream?: { operation: string; paramsTypeName?: string; resultTypeName: string; switch: string; items: "events" | "values" };
  /** The operation itself only streams (no JSON twin): the method gives a Stream of its events' `data`, or of its values. */
  streams?: "events" | "values";
  /** A query the map's route carries (`?beta=true`), sent with every call. */
  query?: Record<string, string>;
  /** The function pages: the method's promise is also async-iterable over the items. */
  paged?: boolean;
}

export type SecuritySchemeModel =
  | { key: string; type: "http"; scheme: "bearer" | "basic" }
  | { key: string; type: "apiKey"; in: "header" | "query" | "cookie"; parameterName: string };

export type Literal = string | number | boolean | null;

export interface EnumMember {
  /** Key in the generated const object. */
  name: string;
  value: Literal;
}

export interface PropertyModel {
  /** The key on the wire, exactly as in the spec. */
  key: string;
  required: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  type: TypeModel;
  doc: DocModel;
}

export type TypeModel =
  | { kind: "unknown" }
  | { kind: "never" }
  | { kind: "primitive"; name: "string" | "number" | "boolean" | "null" }
  /** `format: binary` (or a 3.1 `contentMediaType`): a Blob on the client side. */
  | { kind: "binary" }
  | { kind: "enum"; members: EnumMember[] }
  | { kind: "array"; items: TypeModel }
  /** `prefixItems`: the first `minItems` elements are required; `rest` is null when `items: false`. */
  | { kind: "tuple"; items: TypeModel[]; minItems: number; rest: TypeModel | null }
  | { kind: "object"; properties: PropertyModel[]; additionalProperties: AdditionalProperties }
  /** An object whose keys are limited by `propertyNames` (an enum or const). */
  | { kind: "record"; keys: TypeModel; values: TypeModel }
  | { kind: "union"; members: TypeModel[]; discriminator?: DiscriminatorModel }
  | { kind: "intersection"; members: TypeModel[] }
  /** `type` with `keys` required (an `allOf` member requires what another member declares optional). */
  | { kind: "requiredKeys"; type: TypeModel; keys: string[] }
  | { kind: "nullable"; type: TypeModel }
  | { kind: "ref"; name: string };

/** The property that tells union members apart, and its value(s) for each member (same order as members). */
export interface DiscriminatorModel {
  property: string;
  values: string[][];
  /** per member: whether its schema requires the property (JSON Schema accepts a value without it otherwise) */
  required: boolean[];
}

/** `additionalProperties`: absent ("unspecified"), `false` ("forbidden"), or the type of the extra values. */
export type AdditionalProperties = TypeModel | "unspecified" | "forbidden";

/** A named type while the model is being built; how it is declared is decided once its type is final. */
export interface NamedTypeDraft {
  name: string;
  type: TypeModel;
  doc: DocModel;
  /** Where the schema stands in the spec (a component, or the inline position it was hoisted from). */
  location: SpecLocation;
}

/**
 * A named type and how the client declares it (decided in `declaredType.ts`, read by models.ts and
 * the API surface): an object with members is an interface, an enum a union with a const object
 * of its values, anything else a type alias.
 */
export type NamedTypeModel = NamedTypeDraft &
  (
    | { declaration: "interface"; type: Extract<TypeModel, { kind: "object" }> }
    | { declaration: "enum"; type: Extract<TypeModel, { kind: "enum" }> }
    | { declaration: "alias" }
  );

/** Documentation carried into JSDoc. Every field optional; absent means the spec said nothing. */
export interface DocModel {
  title?: string;
  summary?: string;
  description?: string;
  deprecated?: boolean;
  format?: string;
  /** JSON text of the default value. */
  default?: string;
  /** JSON text of each example value. */
  examples?: string[];
  /** Validation keywords (`minimum`, `maxLength`, `pattern`, …) with their JSON text, in a fixed order. */
  constraints?: { keyword: string; value: string }[];
}

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

/** How a parameter is serialized; defaults (form/explode for query, simple for path and header) are already applied. */
export type ParameterStyle = "form" | "spaceDelimited" | "pipeDelimited" | "deepObject" | "simple";

export interface ParameterModel {
  /** Property name in the operation's params object. */
  name: string;
  /** Name on the wire. */
  wireName: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  style: ParameterStyle;
  explode: boolean;
  type: TypeModel;
  doc: DocModel;
  /** `x-stainless-param`: the key in the resource client's flat params object, when not `wireName`. */
  flatName?: string;
}

/** How a body is put on the wire, decided from its media type. */
export type BodyKind = "json" | "form" | "multipart" | "binary" | "text";

export interface BodyContentModel {
  contentType: string;
  kind: BodyKind;
  type: TypeModel;
}

export interface RequestBodyModel {
  /** Property name in the params object. */
  name: string;
  required: boolean;
  /** One entry per media type the operation accepts; the first is the default. */
  contents: BodyContentModel[];
  /** Property name of the media-type choice in the params object, when there are several. */
  contentTypeName?: string;
  doc: DocModel;
  /** A JSON property the function sets itself (a stream twin's `stream: true`), on top of the caller's body. */
  sets?: { key: string; value: boolean };
}

/** How a response body is read, decided from its media type. */
export type ResponseKind = "json" | "text" | "binary" | "sse" | "ndjson" | "empty";

export interface ResponseModel {
  /** "200", "404", "2XX" or "default". */
  status: string;
  /** A 2xx status: part of the call's result. Any other status ("default" included) is thrown as an `ApiError`. */
  success: boolean;
  kind: ResponseKind;
  /** Absent when the response has no body. */
  contentType?: string;
  /** For a stream, the type of each item; for `text/event-stream`, each event's `data`. */
  type: TypeModel | null;
  description?: string;
  /** Set when a `text/event-stream` schema describes the events rather than their `data` (`eventStream.ts`). */
  eventStream?: EventStreamModel;
}

/** An event stream as its schema describes it; `ResponseModel.type` is then the union of the yielded events' `data`. */
export interface EventStreamModel {
  /** `data` values that end the stream (from a branch whose `data` is a string constant); such an event is not yielded. */
  sentinels: string[];
  /** Set when a yielded branch names its `event`: each branch's names (empty: any name) and its `data`. */
  events?: { names: string[]; data: TypeModel }[];
}

export interface OperationModel {
  /** Function name. */
  name: string;
  operationId?: string;
  method: HttpMethod;
  /** The path template exactly as in the spec, e.g. "/endpoints/{endpoint_id}:deployModel". */
  path: string;
  doc: DocModel;
  /** Name of the params interface; absent when the operation takes no input. */
  paramsTypeName?: string;
  parameters: ParameterModel[];
  body?: RequestBodyModel;
  /** Name of the type alias for the success result. */
  resultTypeName: string;
  responses: ResponseModel[];
  /** Name of the error union type; absent when no error response is declared. */
  errorTypeName?: string;
  /** Alternatives of security scheme keys; [] means no auth. */
  security: string[][];
  location: SpecLocation;
  /** The spec answers `101 Switching Protocols`: the function returns the WebSocket handshake URL instead of calling. */
  websocket?: true;
  /** The operation's own server (`servers` on it or its path item); absent: the document's first server. */
  server?: ServerModel;
  /** The header carrying an idempotency key (`idempotencyKey.ts`): the runtime mints one per call unless the caller sends it. */
  idempotencyKey?: string;
  /** A list that pages (`pagination.ts`): the function's result is also async-iterable over every page's items. */
  paging?: PagingModel;
}

/** How a list pages; paths are keys from the page's body down ([] = the body itself). */
export interface PagingModel {
  scheme: PagingScheme;
  /** The array holding the page's items. */
  items: string[];
  /** The params property the next request sets: the cursor, offset or page number. */
  param?: string;
  /** The next cursor, or the next page's URL. */
  next?: string[];
  /** The next cursor is this key of the page's last item (Stripe's `starting_after` = the last `id`). */
  lastItemKey?: string;
  /** A boolean saying whether another page follows. */
  hasMore?: string[];
  /** The number that ends the walk: total items (offset) or total pages (page number). */
  total?: string[];
  /** The first page's number when the spec's default says it is not 1. */
  firstPage?: number;
}

/**
 * The first of an operation's own `servers`. The client sends the operation there unless the
 * caller passed `baseUrl`; each `{variable}` is filled from the caller's `serverVariables`, else its default.
 */
export interface ServerModel {
  /** The URL template as the spec writes it, less any trailing `/`: "https://{region}.api.test/v2". */
  url: string;
  /** The URL's variables in order of appearance; `default` is absent when the spec gives none. */
  variables: { name: string; default?: string }[];
}

export interface ExampleModel {
  location: SpecLocation;
  value: unknown;
  type: TypeModel;
}
