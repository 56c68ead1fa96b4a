import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A card the stand-in accepted, as Teams would post it: the path, the query (sig) and the message. */
export type TeamsPost = { path: string; sig: string | null; body: TeamsPostBody; at: number };
export type TeamsPostBody = {
  type: string;
  summary?: string;
  attachments: { contentType: string; contentUrl: null; content: Record<string, unknown> & { body: unknown[] } }[];
};
export type TeamsReply = { status: number; body?: string; headers?: Record<string, string>; delayMs?: number };

const WORKFLOW_PATH =
  /^(\/powerautomate\/automations\/direct)?\/workflows\/[A-Za-z0-9-]+\/triggers\/[A-Za-z0-9_-]+\/paths\/invoke\/?$/;
const MAX_BYTES = 28 * 1024;

/** An error answer as Logic Apps / Power Automate words it: {"error":{"code","message"}}. */
export function teamsError(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): TeamsReply {
  return {
    status,
    body: JSON.stringify({ error: { code, message } }),
    headers: { "content-type": "application/json", ...headers },
  };
}

export const TEAMS_ERRORS = {
  invalidContent: () =>
    teamsError(400, "InvalidRequestContent", "The request content is not valid and could not be deserialized."),
  workflowOff: () =>
    teamsError(404, "WorkflowTriggerIsNotEnabled", "The workflow 'hookbell' trigger 'manual' is not enabled."),
  workflowNotFound: () => teamsError(404, "WorkflowNotFound", "The workflow 'hookbell' could not be found."),
  badSignature: () =>
    teamsError(
      401,
      "DirectApiInvalidAuthorizationSignature",
      "The provided authorization signature is not valid for this request.",
    ),
  rateLimited: (retryAfter: string) =>
    teamsError(429, "WorkflowRequestsThrottled", "Rate limit is exceeded.", { "retry-after": retryAfter }),
  serverError: () => teamsError(500, "InternalServerError", "Encountered an internal server error."),
};

/**
 * A real local HTTP server playing a Teams Workflows webhook trigger: it checks what Teams checks (POST,
 * the trigger's path, the sig it was given, JSON, a message with one Adaptive Card, 28 KB) and answers
 * 202 with an empty body, or what the test scripted. Point HOOKBELL_TEAMS_ORIGIN / the worker's
 * teamsOrigin at `origin`; the saved URL keeps its real host, path and sig.
 */
export type TeamsStandIn = {
  origin: string;
  port: number;
  /** Cards accepted (and those answered from the script), in arrival order. */
  received: TeamsPost[];
  /** Requests refused by the stand-in's own checks, with why (a wrong sig, a malformed card). */
  refused: { status: number; reason: string }[];
  setNextReplies(...replies: TeamsReply[]): void;
  close(): Promise<void>;
};

export async function startTeamsStandIn(options: { sig: string; port?: number }): Promise<TeamsStandIn> {
  const script: TeamsReply[] = [];
  const received: TeamsPost[] = [];
  const refused: { status: number; reason: string }[] = [];
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    const raw = await readBody(request);
    const refuse = (reply: TeamsReply, reason: string) => {
      refused.push({ status: reply.status, reason });
      response.writeHead(reply.status, reply.headers).end(reply.body ?? "");
    };
    if (request.method !== "POST" || !WORKFLOW_PATH.test(url.pathname)) {
      return refuse(teamsError(404, "TriggerNotFound", "The requested trigger could not be found."), "path");
    }
    const sig = url.searchParams.get("sig");
    if (!sig)
      return refuse(teamsError(401, "DirectApiAuthorizationRequired", "The request must be authenticated."), "no sig");
    if (sig !== options.sig) return refuse(TEAMS_ERRORS.badSignature(), "wrong sig");
    if (raw.length > MAX_BYTES) {
      return refuse(
        teamsError(413, "MessageTooLarge", `The message is ${raw.length} bytes; the limit is 28 KB.`),
        "size",
      );
    }
    if (!String(request.headers["content-type"]).startsWith("application/json")) {
      return refuse(TEAMS_ERRORS.invalidContent(), "content type");
    }
    const body = parseMessage(raw.toString("utf8"));
    if (!body) return refuse(TEAMS_ERRORS.invalidContent(), "envelope");
    received.push({ path: url.pathname, sig, body, at: Date.now() });
    const reply = script.shift() ?? { status: 202 };
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    response.writeHead(reply.status, reply.headers).end(reply.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    received,
    refused,
    setNextReplies: (...replies) => script.push(...replies),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The envelope as the Workflows template's "Post card" step needs it, else null. */
function parseMessage(text: string): TeamsPostBody | null {
  let value: TeamsPostBody;
  try {
    value = JSON.parse(text) as TeamsPostBody;
  } catch {
    return null;
  }
  if (value?.type !== "message" || !Array.isArray(value.attachments) || value.attachments.length !== 1) return null;
  const [attachment] = value.attachments;
  const card = attachment?.content;
  if (attachment.contentType !== "application/vnd.microsoft.card.adaptive" || !card) return null;
  if (card.type !== "AdaptiveCard" || card.version !== "1.4" || !Array.isArray(card.body)) return null;
  return value;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
