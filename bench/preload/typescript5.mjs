// Loaded through NODE_OPTIONS (`--import=<this file>`) in front of @hey-api/openapi-ts, whose code
// builds and prints its output with TypeScript's classic compiler API (`ts.factory`,
// `ts.NewLineKind`, ...). The repo's `typescript` is TypeScript 7, the native compiler, which no
// longer ships that API, so the peer's `import ts from "typescript"` is sent to the
// `typescript-5.9` alias the repo already installs. Nothing outside the peer packages is affected.
import { register } from "node:module";

register("./typescript5Hooks.mjs", import.meta.url);
