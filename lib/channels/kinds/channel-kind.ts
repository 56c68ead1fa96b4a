import type { z } from "zod";
import type { Db } from "../../db/client";
import type { Channel } from "../../db/generated/sqlite/client";
import type { AlertTemplate } from "../../templates/alert-template";
import type { JobContext } from "../../templates/run-render-job";
import type { SendResult } from "./send-result";

// A kind of channel (email, Slack; next: Discord, Teams, Telegram, signed forwarding) is one module with
// this shape, registered in channel-kinds.ts. The delivery worker (lib/delivery/process-delivery.ts) runs
// the same stages for every kind and asks the module only the kind's own questions, so a new destination
// is a new module, not a new branch in the worker.

export type ChannelKindId = "email" | "slack";

/** The worker's settings that some kind needs: where email and Slack traffic goes. */
export type ChannelSettings = {
  /** Unset: email goes to the built-in Dev mailbox. */
  smtpUrl?: string;
  smtpFrom: string;
  /** https://hooks.slack.com, or a local stand-in / egress proxy. */
  slackOrigin: string;
};

/** What a send may use besides the rendered alert and the channel's config. */
export type SendDeps = ChannelSettings & {
  /** For kinds that keep a copy (the Dev mailbox), never for the send's own bookkeeping. */
  db: Db;
  now: () => Date;
  projectId: string;
  deliveryId: string;
};

/**
 * Methods, not function-typed properties, on purpose: the registry holds modules of different config,
 * template and answer types under one type, and a module's own values only ever reach its own methods.
 */
export type ChannelKindModule<Config, Rendered, Answer> = {
  kind: ChannelKindId;
  /** How the dashboard and messages name it: "Email", "Slack". */
  label: string;
  /** The stored columns a send needs, secrets opened; validated by configSchema before any use. */
  readConfig(channel: Channel): unknown;
  /** Checks the stored config; its messages say what to fix in the channel's settings. */
  configSchema: z.ZodType<Config>;
  /** Renders on the render pool (never on the worker's thread); throws when the template cannot render. */
  render(projectId: string, template: AlertTemplate, context: JobContext): Promise<Rendered>;
  /**
   * Destinations that limit how fast they accept messages (Slack: about one a second per URL). The
   * worker reserves a slot per destination, shared by every worker process, and holds them all when a
   * send is answered with Retry-After.
   */
  pacing?: { intervalMs: number; destination(config: Config): string };
  /** Talks to the destination and reports what it answered; throws only on a bug. */
  send(rendered: Rendered, config: Config, deps: SendDeps): Promise<Answer>;
  /** Whether the answer means sent, try again later (with Retry-After), or failed for good (and why). */
  classify(answer: Answer): SendResult;
};

export type AnyChannelKind = ChannelKindModule<unknown, unknown, unknown>;
