/**
 * Prints what `../vendorSdkSuite.ts` measured: the totals, each cause of failure with its most common
 * reasons and an example test, the excused tests with the rule Prism says they break, and type errors.
 */
import type { Cause, Classified, TestResult } from "./causes.js";

export interface Summary extends Classified {
  date: string;
  sdk: { gitDir: string; commit: string };
  generator: { dir: string; commit: string; resources: boolean };
  notes: string[];
  seconds: { tests: number; typecheck: number | undefined };
}

const causeTitles: Record<Cause, string> = {
  import: "module/import missing",
  method: "resource or method missing on the client",
  elsewhere: "request sent elsewhere than the mock server",
  prism: "request rejected by Prism (sl-violations)",
  other: "other",
};

export function printReport(summary: Summary): void {
  const { total, passed, failed, skipped, excused } = summary;
  console.log(`\nVendor SDK suite, ${summary.date.slice(0, 10)}: SDK ${summary.sdk.commit}, generator ${summary.generator.commit}${summary.generator.resources ? "" : " (no --resources)"}`);
  console.log(`tests ${total}: passed ${passed}, failed ${failed} (of which excused ${excused}), skipped by the vendor ${skipped}`);
  console.log(`passed or excused: ${passed + excused} of ${total - skipped} run; vitest ${summary.seconds.tests.toFixed(0)} s${summary.seconds.typecheck === undefined ? "" : `, tsc ${summary.seconds.typecheck.toFixed(0)} s`}`);
  for (const note of summary.notes) console.log(`note: ${note}`);
  for (const test of summary.passedWithoutRequest) console.log(`note: passed without a request reaching Prism: ${test}`);

  for (const cause of Object.keys(causeTitles) as Cause[]) {
    const failures = summary.tests.filter((test) => test.cause === cause && test.excused !== true);
    if (failures.length === 0) continue;
    console.log(`\n${causeTitles[cause]}: ${failures.length}`);
    for (const [reason, tests] of grouped(failures, (test) => normalized(test.reason ?? "")).slice(0, 12))
      console.log(`  ${String(tests.length).padStart(4)}  ${reason}\n        e.g. ${where(tests[0]!)}`);
  }

  const excusedTests = summary.tests.filter((test) => test.excused === true);
  if (excusedTests.length > 0) {
    console.log(`\nexcused (the test's own literal request breaks the spec): ${excusedTests.length}`);
    for (const test of excusedTests) {
      console.log(`  ${where(test)}`);
      for (const violation of test.violations ?? []) console.log(`      ${violation.method} ${violation.path}: ${violation.location.join(".")} [${violation.code}] ${violation.message}`);
    }
  }

  const typed = summary.tests.filter((test) => test.typeErrors !== undefined);
  if (typed.length > 0 || summary.typeErrorsOutsideTests.length > 0) {
    console.log(`\ntype errors (tsc; vitest does not check types): ${typed.length} tests, ${summary.passedWithTypeErrors} of them passing at run time`);
    for (const [message, tests] of grouped(typed, (test) => normalized(test.typeErrors![0]!)).slice(0, 12))
      console.log(`  ${String(tests.length).padStart(4)}  ${message}\n        e.g. ${where(tests[0]!)}`);
    const outside = new Map<string, string[]>();
    for (const line of summary.typeErrorsOutsideTests) {
      const [where, ...message] = line.split(" ");
      outside.set(message.join(" "), [...(outside.get(message.join(" ")) ?? []), where!]);
    }
    for (const [message, places] of [...outside].sort((a, b) => b[1].length - a[1].length))
      console.log(`  ${String(places.length).padStart(4)}  outside a test: ${message}\n        e.g. ${places[0]}`);
  }
}

const where = (test: TestResult) => `${test.file.replace(/^tests\/api-resources\//, "")} › ${test.test}`;

/** Groups by key, largest group first. */
function grouped(tests: TestResult[], key: (test: TestResult) => string): [string, TestResult[]][] {
  const groups = new Map<string, TestResult[]>();
  for (const test of tests) groups.set(key(test), [...(groups.get(key(test)) ?? []), test]);
  return [...groups].sort((a, b) => b[1].length - a[1].length);
}

/** A reason with the test's own names taken out, so that the same cause groups together. */
function normalized(reason: string): string {
  return reason
    .replace(/reading '[^']+'/g, "reading '…'")
    .replace(/client(\.\w+)+ is not a function/g, "client.… is not a function")
    .replace(/\/[\w\-/{}.]+ answered/g, "… answered")
    .replace(/Property '[^']+' does not exist on type/g, "Property '…' does not exist on type");
}
