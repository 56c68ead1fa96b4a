import type { MessagePort } from "node:worker_threads";
import { onPartRender, type PartEvent } from "./render-guard";
import { type RenderJob, type RenderResult, runRenderJob } from "./run-render-job";

// A render pool thread (render-pool.ts, run by piscina). It tells the pool through `progress` when each
// part starts and stops rendering: the deadline counts rendering, not a thread's start-up or compiling a
// template (bounded by the template's size), and a render stopped at the deadline names its part.
// Messages posted here arrive while this thread is still busy rendering.

export type RenderTask = { job: RenderJob; progress: MessagePort };

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
