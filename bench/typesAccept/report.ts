// What one spec's check found, printed (and compared with an earlier run's --json).
import type { Rejection } from "./typeCheck.js";

export interface NotKept {
  source: string;
  verdict: "invalid" | "uncompilable";
  why: string;
}

export interface SpecResult {
  spec: string;
  generator: string;
  commit: string;
  found: number;
  noTypeName: number;
  notJson: number;
  schemaUncompilable: number;
  schemaInvalid: number;
  /** instances left out: the schema rejects them (the spec contradicts itself), or ajv cannot compile the schema */
  notKept: NotKept[];
  schemaValid: number;
  typeCheckedOk: number;
  /** rejected as a fresh literal only because of keys the schema does not declare (and allows) */
  excessOnly: Rejection[];
  rejected: Rejection[];
  /** instances the schema rejects that the type accepts as a value (a sample of where types are looser than schemas) */
  schemaInvalidTypeAccepts: { source: string; typeName: string; why: string }[];
  /** mutants of the valid instances the schema rejects, and those of them the type accepts */
  mutants: number;
  mutantsTypeAccepts: { source: string; typeName: string; why: string }[];
}

export function printResult(result: SpecResult, baseline: SpecResult | undefined) {
  console.log(`\n## ${result.spec} (generator ${result.commit})`);
  console.log(
    `instances found ${result.found} (no type name ${result.noTypeName}, text not JSON ${result.notJson}), schema rejects ${result.schemaInvalid}, schema not compilable ${result.schemaUncompilable}, ` +
      `schema-valid ${result.schemaValid}, type-checked OK ${result.typeCheckedOk}, ` +
      `rejected as a literal only for undeclared keys ${result.excessOnly.length}, rejected by the type ${result.rejected.length}; ` +
      `of the instances the schema rejects, the type accepts ${result.schemaInvalidTypeAccepts.length}; ` +
      `of ${result.mutants} mutants the schema rejects, the type accepts ${result.mutantsTypeAccepts.length}`,
  );
  for (const entry of result.notKept) console.log(`  left out (${entry.verdict === "invalid" ? "schema rejects it" : "schema not compilable"}): ${entry.source}: ${entry.why.slice(0, 200)}`);
  const byCode = new Map<string, Rejection[]>();
  for (const rejection of result.rejected) byCode.set(rejection.code, [...(byCode.get(rejection.code) ?? []), rejection]);
  for (const [code, rejections] of [...byCode].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`\nrejected, ${code}: ${rejections.length}`);
    for (const rejection of rejections) console.log(`  ${rejection.typeName}  ${rejection.source}\n      ${rejection.message.slice(0, 300)}`);
  }
  if (result.excessOnly.length > 0) {
    console.log(`\nrejected as a fresh literal only for keys the schema does not declare (accepted as a value): ${result.excessOnly.length}`);
    for (const rejection of result.excessOnly) console.log(`  ${rejection.typeName}  ${rejection.source}\n      ${rejection.message.slice(0, 300)}`);
  }
  const loose = [...result.schemaInvalidTypeAccepts, ...result.mutantsTypeAccepts];
  if (loose.length > 0) {
    console.log(`\nvalues the schema rejects that the type accepts (spec instances, then mutants): ${loose.length}`);
    for (const entry of loose) console.log(`  ${entry.typeName}  ${entry.source}${entry.why ? ` (schema: ${entry.why})` : ""}`);
  }
  if (baseline) {
    const key = (rejection: { source: string; schemaPointer: string }) => `${rejection.schemaPointer} ${rejection.source}`;
    const before = new Set(baseline.rejected.map(key));
    const now = new Set(result.rejected.map(key));
    const newlyRejected = result.rejected.filter((rejection) => !before.has(key(rejection)));
    const nowAccepted = baseline.rejected.filter((rejection) => !now.has(key(rejection)));
    console.log(`\nagainst the baseline (${baseline.commit}): rejected ${baseline.rejected.length} -> ${result.rejected.length}; newly rejected ${newlyRejected.length}, now accepted ${nowAccepted.length}`);
    for (const rejection of newlyRejected) console.log(`  newly rejected: ${rejection.typeName}  ${rejection.source}: ${rejection.message.slice(0, 200)}`);
    for (const rejection of nowAccepted) console.log(`  now accepted: ${rejection.typeName}  ${rejection.source}`);
    const compare = (label: string, before: SpecResult["mutantsTypeAccepts"], now: SpecResult["mutantsTypeAccepts"]) => {
      const beforeSources = new Set(before.map((entry) => entry.source));
      const nowSources = new Set(now.map((entry) => entry.source));
      const looser = now.filter((entry) => !beforeSources.has(entry.source));
      const stricter = before.filter((entry) => !nowSources.has(entry.source));
      console.log(`${label} the type accepts: ${before.length} -> ${now.length}; newly accepted (looser) ${looser.length}, newly rejected (stricter) ${stricter.length}`);
      for (const entry of looser.slice(0, 40)) console.log(`  looser: ${entry.typeName}  ${entry.source}${entry.why ? ` (schema: ${entry.why})` : ""}`);
      for (const entry of stricter.slice(0, 40)) console.log(`  stricter: ${entry.typeName}  ${entry.source}${entry.why ? ` (schema: ${entry.why})` : ""}`);
    };
    compare("instances the schema rejects that", baseline.schemaInvalidTypeAccepts, result.schemaInvalidTypeAccepts);
    compare("mutants the schema rejects that", baseline.mutantsTypeAccepts ?? [], result.mutantsTypeAccepts);
  }
}
