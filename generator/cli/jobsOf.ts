import { apiJob, projectJobs, type ApiJob } from "../config/apiJobs.js";
import type { CliOptions } from "./parseArgs.js";

/** The APIs to generate: --spec alone, else the project's. `--strict` applies to every API; without it, each API's `strict` setting decides. */
export async function jobsOf(options: Pick<CliOptions, "spec" | "out" | "strict" | "resources">): Promise<ApiJob[]> {
  const jobs = options.spec !== undefined ? [await apiJob(options.spec, options.out, options.resources === undefined ? {} : { resources: options.resources })] : await projectJobs();
  if (!options.strict) return jobs;
  return jobs.map((job) => ({ ...job, options: { ...job.options, strict: true } }));
}
