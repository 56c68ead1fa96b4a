import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";

// The logger as a process uses it: a real child process writing to its stdout (a pipe, not a terminal),
// in each format, its lines read back.

const SIGNING_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const SLACK_URL = "https://hooks.slack.com/services/T0LOG0000/B0LOG0000/logSecretPart000000000";
const FORGED = "[hookbell] Dashboard ready on http://evil.example";

const SCRIPT = `
const { createLogger } = await import("./lib/logging/create-logger.ts");
const { routeConsoleToLogger } = await import("./lib/logging/route-console-to-logger.ts");
const log = createLogger("delivery").child({ deliveryId: "dlv_1" });
log.error("send failed for ${SLACK_URL}\\n${FORGED}", { err: new Error("rejected ${SIGNING_SECRET}\\n${FORGED}"), channel: { slackUrl: "${SLACK_URL}" } });
log.info("saved", { signingSecret: "${SIGNING_SECRET}" });
log.debug("not written at info");
routeConsoleToLogger("dashboard");
console.error("\\u001b[31m⨯\\u001b[39m", new Error("from a library ${SIGNING_SECRET}\\n${FORGED}"));
console.log("plain %s\\r\\n${FORGED}", "text");
console.log("\\u001b[32m✓\\u001b[39m Running next.config took 1.4ms");
`;

function runLogger(env: Record<string, string>): string[] {
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", SCRIPT], {
    env: { NODE_ENV: "test", PATH: process.env.PATH ?? "", ...env },
    encoding: "utf8",
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout.split("\n").filter((line) => line !== "");
}

const output: Record<"json" | "pretty", string[]> = { json: [], pretty: [] };

beforeAll(() => {
  output.json = runLogger({});
  output.pretty = runLogger({ HOOKBELL_LOG_FORMAT: "pretty" });
}, 60_000);

describe("the structured logger", () => {
  it("writes one JSON object per line, with level, scope and fields, when stdout is not a terminal", () => {
    const lines = output.json;
    expect(lines).toHaveLength(4);
    const [failed, saved, library, plain] = lines.map((line) => JSON.parse(line));
    expect(failed).toMatchObject({ level: "error", scope: "delivery", deliveryId: "dlv_1" });
    expect(failed.err).toMatchObject({ type: "Error" });
    expect(saved).toMatchObject({ level: "info", scope: "delivery", msg: "saved" });
    expect(library).toMatchObject({ level: "error", scope: "dashboard", msg: "⨯" });
    expect(library.err.message).toContain("from a library");
    expect(plain).toMatchObject({ level: "info", msg: `plain text\\r\\n${FORGED}` });
  });

  it("never lets a newline in a message or field start a line, in either format", () => {
    for (const format of ["json", "pretty"] as const) {
      const lines = output[format];
      expect(lines, format).toHaveLength(4);
      for (const line of lines) expect(line.trimStart().startsWith(FORGED), `${format}: ${line}`).toBe(false);
      if (format === "pretty") {
        expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] ERROR: \[delivery\] send failed/);
        expect(() => JSON.parse(lines[0])).toThrow();
      }
    }
  });

  it("blanks signing secrets and Slack URLs in messages, errors and fields, in either format", () => {
    for (const format of ["json", "pretty"] as const) {
      const text = output[format].join("\n");
      expect(text, format).not.toContain(SIGNING_SECRET.slice("whsec_".length));
      expect(text, format).not.toContain("logSecretPart");
      expect(text, format).not.toContain("T0LOG0000");
      expect(text, format).toContain("whsec_[redacted]");
      expect(text, format).toContain("/services/[redacted]");
    }
  });

  it("writes only lines at or above HOOKBELL_LOG_LEVEL", { timeout: 30_000 }, () => {
    const everything = runLogger({ HOOKBELL_LOG_LEVEL: "debug" });
    expect(everything).toHaveLength(6);
    // Next's start-up timing is written only at debug.
    expect(JSON.parse(everything[5])).toMatchObject({ level: "debug", msg: "✓ Running next.config took 1.4ms" });
    const errorsOnly = runLogger({ HOOKBELL_LOG_LEVEL: "error" }).map((line) => JSON.parse(line).level);
    expect(errorsOnly).toEqual(["error", "error"]);
  });
});
