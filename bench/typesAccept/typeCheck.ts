// tsc over the instances, each written as a declaration of its type beside the generated models.ts.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Instance } from "./collectInstances.js";

const repoDir = resolve(import.meta.dirname, "../..");

export interface Rejection {
  source: string;
  schemaPointer: string;
  typeName: string;
  code: string;
  message: string;
}

/** The helpers that spell the type of a schema nested in a named one (a property, an array's items). */
const helperTypes = [
  `type Prop<T, K extends string> = unknown extends T ? unknown : T extends unknown ? (T extends readonly unknown[] ? never : K extends keyof T ? T[K] : never) : never;`,
  `type Item<T> = unknown extends T ? unknown : T extends readonly (infer E)[] ? E : never;`,
];

export function run(command: string, args: string[], cwd: string): { status: number; output: string } {
  try {
    const output = execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 28 });
    return { status: 0, output };
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    return { status: failed.status ?? 1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

/**
 * Type-check each instance against its type in one file beside the generated models.ts, one declaration
 * per line so tsc's line number names the instance: as a fresh literal, or as a value (through `asValue`,
 * which keeps its literal types, makes it mutable and is no fresh literal, so no excess-property check).
 */
export function typeCheck(out: string, instances: Instance[], as: "literal" | "value", file: string): Map<Instance, Rejection> {
  const lines = [
    `import type * as M from "./models.js";`,
    ...helperTypes,
    `type Mutable<T> = T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;`,
    `declare function asValue<const T>(value: T): Mutable<T>;`,
  ];
  const firstLine = lines.length + 1;
  instances.forEach((instance, index) => {
    const literal = JSON.stringify(instance.value);
    lines.push(`export const e_${index}: ${instance.typeExpression} = ${as === "literal" ? literal : `asValue(${literal})`};`);
  });
  writeFileSync(join(out, file), `${lines.join("\n")}\n`);
  writeFileSync(
    join(out, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        exactOptionalPropertyTypes: true,
        skipLibCheck: true,
        noEmit: true,
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        types: [],
      },
      files: [file],
    }),
  );
  const checked = run(process.execPath, [join(repoDir, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json", "--pretty", "false"], out);
  const rejected = new Map<Instance, Rejection>();
  const errorLines = checked.output.split("\n").filter((line) => / error TS\d+:/.test(line));
  for (const line of errorLines) {
    const match = /^[^(]+\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line);
    const instance = match && line.startsWith(`${file}(`) ? instances[Number(match[1]) - firstLine] : undefined;
    if (!instance) {
      process.stderr.write(`  note: an error outside the instances: ${line.slice(0, 300)}\n`);
      continue;
    }
    if (!rejected.has(instance))
      rejected.set(instance, { source: instance.source, schemaPointer: instance.schemaPointer, typeName: instance.typeName, code: match![2]!, message: match![3]! });
  }
  return rejected;
}
