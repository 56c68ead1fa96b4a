import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type SlackPost = { path: string; body: { text?: string; blocks?: Record<string, unknown>[] }; at: number };
export type SlackAnswer = { status: number; body?: string; headers?: Record<string, string>; delayMs?: number };

/**
 * A real local HTTP server playing hooks.slack.com: records every POST and answers from a script
 * (then 200 "ok"). Point HOOKBELL_SLACK_ORIGIN / the worker's slackOrigin at `origin`.
 */
export class SlackStandIn {
  readonly posts: SlackPost[] = [];
  private readonly script: SlackAnswer[] = [];
  private server: Server | undefined;
  port = 0;

  answerNext(...answers: SlackAnswer[]): void {
    this.script.push(...answers);
  }

  async start(port = 0): Promise<this> {
    this.server = createServer(async (request, response) => {
      const body = await readBody(request);
      this.posts.push({ path: request.url ?? "", body: JSON.parse(body || "{}"), at: Date.now() });
      const answer = this.script.shift() ?? { status: 200, body: "ok" };
      if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      response.writeHead(answer.status, { "content-type": "text/plain", ...answer.headers });
      response.end(answer.body ?? "");
    });
    await new Promise<void>((resolve) => this.server?.listen(port, "127.0.0.1", () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The status Slack sends with each plain-text error code of an incoming webhook (Slack's "Handling errors"
 * table for incoming webhooks), so a test answers exactly as Slack would: `slack.answerNext(slackError("no_service"))`.
 */
export const SLACK_ERROR_STATUS = {
  invalid_payload: 400,
  invalid_blocks: 400,
  no_text: 400,
  user_not_found: 400,
  action_prohibited: 403,
  invalid_token: 403,
  posting_to_general_channel_denied: 403,
  channel_not_found: 404,
  no_active_hooks: 404,
  no_service: 404,
  no_team: 404,
  team_disabled: 404,
  channel_is_archived: 410,
  rate_limited: 429,
  rollup_error: 500,
} as const;

export function slackError(code: keyof typeof SLACK_ERROR_STATUS, headers?: Record<string, string>): SlackAnswer {
  return { status: SLACK_ERROR_STATUS[code], body: code, headers };
}
