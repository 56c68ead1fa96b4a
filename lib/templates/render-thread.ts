import { constants, setPriority } from "node:os";
import type { MessagePort } from "node:worker_threads";
import { onPartRender, type PartEvent } from "./render-guard";
import { type RenderJob, type RenderResult, runRenderJob } from "./run-render-job";

// A render pool thread (render-pool.ts, run by piscina). It tells the pool through `progress` when each
// part starts and stops rendering: the deadline counts rendering, not a thread's start-up or compiling a
// template (bounded by the template's size), and a render stopped at the deadline names its part.
// Messages posted here arrive while this thread is still busy rendering.

export type RenderTask = { job: RenderJob; progress: MessagePort };

// Renders are background work next to ingest and pages: this thread runs below normal CPU priority
// (nice 10: about a tenth of a core's share when everything is busy), so a tenant's heavy template cannot
// take a core from ingest and the dashboard. Not the lowest (19): the 250 ms deadline is wall-clock time,
// and an ordinary render starved to 1/70 of a busy core would miss it. On Linux a nice value is per thread
// (setpriority on the calling thread); where that is not allowed, the thread keeps the process's.
try {
  setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // Not permitted here (a container without the capability to lower it is fine; raising would need one).
}

export default function renderThread({ job, progress }: RenderTask): RenderResult {
  progress.postMessage({ part: "", phase: "begin" } satisfies PartEvent);
  onPartRender((event) => progress.postMessage(event));
  try {
    return runRenderJob(job);
  } finally {
    onPartRender(undefined);
    progress.close();
  }
}
