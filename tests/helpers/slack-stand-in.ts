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
