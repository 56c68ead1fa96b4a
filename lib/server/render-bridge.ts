import type { MessagePort, Worker } from "node:worker_threads";
import { logUnexpected } from "../errors";
import { localRenderPool, setRenderer } from "../templates/render-in-pool";
import type { RenderJob, RenderResult } from "../templates/run-render-job";

// The dashboard thread renders nothing itself: previews and the channel form's check go to the main
// thread's render pool (one pool per process, one fair share per project), and the answer comes back.

export type RenderRequest = { type: "render"; id: number; projectId: string; job: RenderJob };
export type RenderReply = { type: "rendered"; id: number; result?: RenderResult; error?: string };

/** On the dashboard thread: every render goes to the main thread over `port`. */
export function forwardRenders(port: MessagePort): void {
  const waiting = new Map<number, { resolve: (result: RenderResult) => void; reject: (error: Error) => void }>();
  let lastId = 0;
  port.on("message", (message: RenderReply | { type?: unknown }) => {
    if (message.type !== "rendered") return;
    const reply = message as RenderReply;
    const caller = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.result) caller?.resolve(reply.result);
    else caller?.reject(new Error(reply.error ?? "The render failed."));
  });
  setRenderer(
    (projectId, job) =>
      new Promise((resolve, reject) => {
        const id = ++lastId;
        waiting.set(id, { resolve, reject });
        port.postMessage({ type: "render", id, projectId, job } satisfies RenderRequest);
      }),
  );
}

/** On the main thread: renders what the dashboard thread asks for. */
export function serveRender(worker: Worker, { id, projectId, job }: RenderRequest): void {
  localRenderPool()
    .render(projectId, job)
    .then(
      (result) => worker.postMessage({ type: "rendered", id, result } satisfies RenderReply),
      (error: unknown) => {
        logUnexpected("dashboard render", error);
        worker.postMessage({
          type: "rendered",
          id,
          error: "The template could not be rendered.",
        } satisfies RenderReply);
      },
    );
}
