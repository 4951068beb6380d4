import type { ApiSurface } from "./apiSurface.js";

/** The surface of no client at all: comparing with it lists everything as added. */
export function emptySurface(like: ApiSurface): ApiSurface {
  return { name: like.name, title: like.title, version: like.version, operations: [], types: [] };
}
