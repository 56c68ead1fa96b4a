import type { MessagePort } from "node:worker_threads";
import { onPartStart } from "./render-guard";
import { type RenderJob, type RenderResult, runRenderJob } from "./run-render-job";

// A render pool thread (render-pool.ts, run by piscina). It tells the pool through `progress` when a job
// starts and which part it is on: the deadline counts from the start, not from a thread's own start-up,
// and a render stopped at the deadline can name its part. Messages posted here arrive while this thread
// is still busy rendering.

export type RenderTask = { job: RenderJob; progress: MessagePort };

export default function renderThread({ job, progress }: RenderTask): RenderResult {
  progress.postMessage("");
  onPartStart((part) => progress.postMessage(part));
  try {
    return runRenderJob(job);
  } finally {
    onPartStart(undefined);
    progress.close();
  }
}
