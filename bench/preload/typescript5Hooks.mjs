// Module resolution hook registered by typescript5.mjs (runs on Node's loader thread): a bare
// "typescript" import made from inside a peer package resolves to the typescript-5.9 alias.
const peerPackages = ["/node_modules/@hey-api/", "/node_modules/openapi-typescript/"];

export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL ?? "";
  const wantsTypeScript = specifier === "typescript" || specifier.startsWith("typescript/");
  if (wantsTypeScript && peerPackages.some((folder) => parent.includes(folder))) {
    return nextResolve(specifier.replace(/^typescript/, "typescript-5.9"), context);
  }
  return nextResolve(specifier, context);
}
