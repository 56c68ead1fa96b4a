import { RenderPool } from "./render-pool";
import type { RenderJob, RenderResult } from "./run-render-job";

// One render pool per process. The main thread owns it (ingest's delivery worker renders there); the
// dashboard's thread hands its renders (previews, the channel form's check) to the main thread through
// setRenderer (lib/server/render-bridge.ts), so both share the pool and its per-project fairness. Next's
// route bundles load their own copy of this module; globalThis joins them.

export type Renderer = (projectId: string, job: RenderJob) => Promise<RenderResult>;

const registry = globalThis as unknown as { hookbellRenderer?: Renderer; hookbellRenderPool?: RenderPool };

/** Renders a template off this thread, for `projectId` (whose share of the pool it counts against). */
export function renderInPool(projectId: string, job: RenderJob): Promise<RenderResult> {
  const renderer = registry.hookbellRenderer ?? ((id, work) => localRenderPool().render(id, work));
  return renderer(projectId, job);
}

/** Sends this thread's renders elsewhere (the dashboard thread: to the main thread's pool). */
export function setRenderer(renderer: Renderer): void {
  registry.hookbellRenderer = renderer;
}

export function localRenderPool(): RenderPool {
  registry.hookbellRenderPool ??= new RenderPool();
  return registry.hookbellRenderPool;
}

/** Stops this process's render threads (at shutdown); a later render starts a new pool. */
export async function stopRenderPool(): Promise<void> {
  const pool = registry.hookbellRenderPool;
  registry.hookbellRenderPool = undefined;
  await pool?.destroy();
}
