import SwaggerParser from "@apidevtools/swagger-parser";

/**
 * swagger-parser's `parse` (which its bundle and dereference call too) refuses outright, before any
 * validation, a document without `paths` (legal in 3.1 with only components) and a numeric
 * `info.version`. Its base class, the JSON Schema $Ref Parser, reads, resolves, bundles and dereferences
 * the same way without those checks, so the loader uses it and validateDocument.ts decides what
 * is refused.
 */
export const refParser = Object.getPrototypeOf(SwaggerParser) as Pick<typeof SwaggerParser, "parse" | "bundle" | "resolve" | "dereference">;
