import { readdirSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { RENDER_MAX_MS } from "./limits";
import { RenderPool } from "./render-pool";
import type { RenderJob } from "./run-render-job";
import { sampleTemplateContext } from "./sample-context";

// Real worker threads (piscina), real renders. A render with no loop at all escapes a 50,000-character
// value a hundred times: seconds of work that the in-loop time check never sees, so only the pool's
// deadline can stop it.

const context = sampleTemplateContext("user.created");
context.event.big = "<&".repeat(25_000);
const heavy: RenderJob = {
  op: "render",
  kind: "email",
  template: { title: "Heavy", body: "{{event.big}}".repeat(300), text: "", facts: "" },
  context,
};
const light: RenderJob = {
  op: "render",
  kind: "email",
  template: { title: "Hi {{event.data.first_name}}", body: "<p>{{eventType}}</p>", text: "", facts: "" },
  context,
};

const pools: RenderPool[] = [];
function newPool(options: ConstructorParameters<typeof RenderPool>[0] = {}): RenderPool {
  const pool = new RenderPool(options);
  pools.push(pool);
  return pool;
}
afterAll(() => Promise.all(pools.map((pool) => pool.destroy())));

describe("the render pool", () => {
  it("stops a render past its deadline by terminating its thread, and the next render works", async () => {
    const pool = newPool({ threads: 1 });
    const stopped = await pool.render("prj_a", heavy);
    expect(stopped.email).toBeUndefined();
    expect(stopped.problems).toEqual([
      { part: "body", message: `The template took longer than ${RENDER_MAX_MS} ms to render and was stopped.` },
    ]);
    const next = await pool.render("prj_a", light);
    expect(next.problems).toEqual([]);
    expect(next.email?.html).toBe("<p>user.created</p>");
  }, 30_000);

  it("serves one project's render while another's slow renders wait, without queueing it behind them", async () => {
    const pool = newPool({ threads: 2 });
    const finished: string[] = [];
    const slow = Array.from({ length: 4 }, (_, i) =>
      pool.render("prj_b", heavy).then(() => void finished.push(`b${i}`)),
    );
    const quick = pool.render("prj_a", light).then((result) => {
      finished.push("a");
      return result;
    });
    expect((await quick).email?.subject).toMatch(/^Hi /);
    await Promise.all(slow);
    // B holds at most half the threads: A's render never waits for one of B's to end.
    expect(finished[0]).toBe("a");
    expect(finished).toHaveLength(5);
  }, 60_000);

  it("reports template problems from the thread with their part and position", async () => {
    const pool = newPool({ threads: 1 });
    const result = await pool.render("prj_a", {
      op: "check",
      kind: "slack",
      template: { title: "", body: "line one\n{{#if}}", text: "", facts: "" },
      context,
    });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ part: "body", line: 2 });
  }, 30_000);

  it.runIf(process.platform === "linux")(
    "runs its threads below normal CPU priority, leaving ingest and pages theirs",
    async () => {
      const pool = newPool({ threads: 1 });
      expect((await pool.render("prj_a", light)).problems).toEqual([]);
      // Linux keeps a nice value per thread: field 19 of /proc/<pid>/task/<tid>/stat.
      const niceOf = (task: string) => {
        const stat = readFileSync(`/proc/self/task/${task}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
      };
      const nices = readdirSync("/proc/self/task").map(niceOf);
      expect(nices).toContain(10);
      // This thread, like ingest's, keeps the process's priority.
      expect(niceOf(String(process.pid))).toBe(0);
    },
    30_000,
  );
});
