import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { threadModule } from "../start-thread";
import {
  RENDER_JOB_MAX_MS,
  RENDER_MAX_MS,
  RENDER_POOL_IDLE_MS,
  RENDER_POOL_THREADS,
  RENDER_QUEUE_PER_PROJECT,
  RENDER_THREAD_HEAP_MB,
} from "./limits";
import type { PartEvent } from "./render-guard";
import type { RenderTask } from "./render-thread";
import type { RenderJob, RenderResult } from "./run-render-job";

// Templates are tenant code: a render can take as long as its author makes it. Renders therefore run on
// a small pool of worker threads, never on the thread that serves ingest or the dashboard. Each render has
// a hard deadline (past it its thread is terminated and replaced), and each project has a queue of its own
// and at most a fair share of the threads, so one project's heavy templates never hold another's renders.

export type RenderPoolOptions = {
  threads?: number;
  /** Renders one project may run at once; by default half the threads, rounded up. */
  perProject?: number;
  deadlineMs?: number;
  idleTimeoutMs?: number;
  maxQueuedPerProject?: number;
};

type Waiting = { job: RenderJob; resolve: (result: RenderResult) => void; reject: (error: unknown) => void };

export class RenderPool {
  private readonly piscina: Piscina<RenderTask, RenderResult>;
  private readonly threads: number;
  private readonly perProject: number;
  private readonly deadlineMs: number;
  private readonly jobMaxMs: number;
  private readonly maxQueued: number;
  /** Projects with waiting renders, in the order they take turns. */
  private readonly queues = new Map<string, Waiting[]>();
  private readonly running = new Map<string, number>();
  private runningTotal = 0;

  constructor(options: RenderPoolOptions = {}) {
    this.threads = options.threads ?? RENDER_POOL_THREADS;
    this.perProject = options.perProject ?? Math.ceil(this.threads / 2);
    this.deadlineMs = options.deadlineMs ?? RENDER_MAX_MS;
    this.jobMaxMs = RENDER_JOB_MAX_MS;
    this.maxQueued = options.maxQueuedPerProject ?? RENDER_QUEUE_PER_PROJECT;
    this.piscina = new Piscina({
      ...threadModule(new URL("./render-thread.ts", import.meta.url)),
      // No thread while idle: memory matters more than the first render's start-up.
      minThreads: 0,
      maxThreads: this.threads,
      idleTimeout: options.idleTimeoutMs ?? RENDER_POOL_IDLE_MS,
      concurrentTasksPerWorker: 1,
      resourceLimits: { maxOldGenerationSizeMb: RENDER_THREAD_HEAP_MB },
    });
  }

  /** Renders `job` for `projectId`; template problems (a deadline passed included) are in the result. */
  render(projectId: string, job: RenderJob): Promise<RenderResult> {
    const queue = this.queues.get(projectId) ?? [];
    if (queue.length >= this.maxQueued) {
      return Promise.resolve(failed(job, "This project has too many templates waiting to render; try again shortly."));
    }
    return new Promise((resolve, reject) => {
      queue.push({ job, resolve, reject });
      // Map order is the round-robin order: a project re-enters at the end when it queues again.
      this.queues.set(projectId, queue);
      this.dispatch();
    });
  }

  async destroy(): Promise<void> {
    await this.piscina.destroy();
  }

  /** Starts waiting renders while threads are free, one project after another, each within its share. */
  private dispatch(): void {
    let hasStarted = true;
    while (this.runningTotal < this.threads && hasStarted) {
      hasStarted = false;
      for (const [projectId, queue] of this.queues) {
        if (this.runningTotal >= this.threads) break;
        if ((this.running.get(projectId) ?? 0) >= this.perProject) continue;
        const next = queue.shift();
        this.queues.delete(projectId);
        // Back of the line: the next free thread goes to the next project first.
        if (queue.length > 0) this.queues.set(projectId, queue);
        if (!next) continue;
        this.start(projectId, next);
        hasStarted = true;
      }
    }
  }

  private start(projectId: string, waiting: Waiting): void {
    this.running.set(projectId, (this.running.get(projectId) ?? 0) + 1);
    this.runningTotal += 1;
    this.runOne(waiting.job)
      .then(waiting.resolve, waiting.reject)
      .finally(() => {
        const left = (this.running.get(projectId) ?? 1) - 1;
        if (left > 0) this.running.set(projectId, left);
        else this.running.delete(projectId);
        this.runningTotal -= 1;
        this.dispatch();
      });
  }

  private async runOne(job: RenderJob): Promise<RenderResult> {
    const { port1, port2 } = new MessageChannel();
    const controller = new AbortController();
    let part = firstPart(job);
    let renderingSince = 0;
    let usedMs = 0;
    let timer: NodeJS.Timeout | undefined;
    let stoppedFor: string | undefined;
    const stop = (reason: string) => {
      stoppedFor = reason;
      controller.abort();
    };
    // The deadline counts the job's rendering, across its parts: not a thread starting up, nor compiling
    // (bounded by the template's size, and by the job's own ceiling below).
    let ceiling: NodeJS.Timeout | undefined;
    port1.on("message", (event: PartEvent) => {
      if (event.phase === "begin") {
        ceiling = setTimeout(() => stop("The template took too long to prepare and was stopped."), this.jobMaxMs);
        return;
      }
      clearTimeout(timer);
      if (event.phase === "start") {
        part = event.part;
        renderingSince = performance.now();
        timer = setTimeout(
          () => stop(`The template took longer than ${this.deadlineMs} ms to render and was stopped.`),
          Math.max(0, this.deadlineMs - usedMs),
        );
      } else {
        usedMs += performance.now() - renderingSince;
      }
    });
    try {
      return await this.piscina.run({ job, progress: port2 }, { transferList: [port2], signal: controller.signal });
    } catch (error) {
      if (stoppedFor) return failed(job, stoppedFor, part);
      if ((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") {
        return failed(job, "The template needed too much memory to render and was stopped.", part);
      }
      throw error;
    } finally {
      clearTimeout(timer);
      clearTimeout(ceiling);
      port1.close();
    }
  }
}

function firstPart(job: RenderJob): string {
  if (job.op === "summary") return "summary";
  // Before any part reports its start, the problem is the template's as a whole: named by its first part.
  return "title";
}

function failed(job: RenderJob, message: string, part = firstPart(job)): RenderResult {
  return { problems: [{ part, message }] };
}
