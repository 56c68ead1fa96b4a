import type { z } from "zod";
import type { Db } from "../../db/client";
import type { Channel } from "../../db/generated/sqlite/client";
import type { Env } from "../../env";
import type { AlertTemplate } from "../../templates/alert-template";
import type { JobContext } from "../../templates/run-render-job";
import type { TemplateFormatId } from "../../templates/template-formats";
import type { SendResult } from "./send-result";

// A kind of channel (email, Slack; next: Discord, Teams, Telegram, signed forwarding) is one module with
// this shape, registered in channel-kinds.ts. The delivery worker (lib/delivery/process-delivery.ts) runs
// the same stages for every kind and asks the module only the kind's own questions, so a new destination
// is a new module, not a new branch in the worker.

export type ChannelKindId = "email" | "slack" | "discord" | "teams" | "telegram" | "webhook";

/** The Channel columns a kind stores its settings in: its own (email, Slack) or config + sealed secretConfig. */
export type ChannelConfigColumns = Partial<
  Pick<Channel, "recipients" | "slackUrl" | "slackUrlHint" | "config" | "secretConfig">
>;

/**
 * What a channel shows of its settings, in the dashboard and the API: secrets only masked. `settings` holds,
 * per field of the kind's form (by KindFormField.name), the saved value of a plain field or the mask of a
 * secret one (`https://discord.com/api/webhooks/1234…/…abcd`).
 */
export type ShownConfig = { recipients: string[]; slackUrlMasked: string | null; settings: Record<string, string> };

/** One setting in a kind's part of the channel dialog; `name` is its key in createFields / updateFields. */
export type KindFormField = {
  name: string;
  label: string;
  /** Write-only (a URL with its token, a bot token): never sent back; blank on edit keeps the saved value. */
  secret: boolean;
  placeholder: string;
  /** Where to find it in the destination's own product ("In Discord: Server Settings → Integrations → …"). */
  help: string;
  /** A helper the dialog shows beside the field, by id (e.g. "telegram-find-chat"). */
  assist?: string;
};

/** How the dashboard offers a kind: plain data, handed from the server page to the client dialog. */
export type KindForm = {
  /** The card's and the dialog's title: "Discord notifications". */
  title: string;
  /** One line under the card's title: what the kind is good for. */
  blurb: string;
  fields: KindFormField[];
  /** The template editor's fields, in order: which AlertTemplate part, its label and height. */
  parts: { part: keyof AlertTemplate; label: string; rows: number }[];
  /** How a channel's name is shown: as typed, or as a Slack channel (`#signups`). */
  displayName?: "plain" | "slack-channel";
};

export type KindNotice = { text: string; link?: { href: string; label: string } };

/** A value shown once, right after the channel is created (a signing secret the kind generated). */
export type ChannelReveal = { title: string; value: string; note: string };

/** The worker's settings that some kind needs: where email and Slack traffic goes. */
export type ChannelSettings = {
  /** Unset: email goes to the built-in Dev mailbox. */
  smtpUrl?: string;
  smtpFrom: string;
  /** https://hooks.slack.com, or a local stand-in / egress proxy. */
  slackOrigin: string;
  /** https://discord.com, or a stand-in: replaces the scheme and host of a saved Discord URL. */
  discordOrigin?: string;
  /** Unset: the saved Workflows URL's own origin; set: a stand-in that replaces it. */
  teamsOrigin?: string;
  /** https://api.telegram.org, or a stand-in. */
  telegramOrigin?: string;
  /** Signed webhooks may reach private addresses (a self-hosted service on the same network, a test server). */
  forwardAllowPrivate?: boolean;
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
  /** The same inside a sentence: "Added email channel “Founders”", "Added Slack channel “signups”". */
  noun: string;
  /** The template format it renders (lib/templates/template-formats.ts): its presets and its renderer. */
  format: TemplateFormatId;
  /** What the dashboard's card and dialog need (fields, help, editor parts). */
  form?: KindForm;
  /** A note the card shows under this server's settings (email: kept in the Dev mailbox without SMTP). */
  notice?(env: Env): KindNotice | null;
  /** The project's monthly allowance of alerts of this kind (a setting in lib/env.ts). */
  monthlyLimit(env: Env): number;

  // What people configure: the create, update and list code asks these, whatever the kind.
  /** The name of a channel created without one. */
  defaultName(): string;
  /** The kind's own fields on create (`{ recipients }`, `{ slackUrl }`), with the messages people see. */
  createFields: z.ZodObject;
  /** The same fields on update, each optional: left out (or blank, for a secret) keeps the saved value. */
  updateFields: z.ZodObject;
  /** How its fields are named when sent to a channel of another kind: "A Slack channel has no recipients." */
  fieldLabels: Record<string, string>;
  /**
   * The columns that store parsed fields (only those given); secrets sealed with the channel's id. `saved`
   * (on update: the channel's columns as they are) lets a kind keep a secret the form never sends (a signed
   * webhook's signing secret) inside the sealed object it rewrites; unset on create.
   */
  storeFields(channelId: string, fields: Record<string, unknown>, saved?: ChannelConfigColumns): ChannelConfigColumns;
  /** The parsed fields for the audit log, never a secret: ["2 recipients"], ["new Slack URL"]. */
  describeFields(fields: Record<string, unknown>): string[];
  /** The audit log's name for a channel of this kind; unset: name “…”. */
  describeName?(name: string): string;
  /** What the channel shows of its saved settings; secrets only masked (`…/services/…abcd`). */
  showConfig(channel: Channel): Partial<ShownConfig>;
  /**
   * A secret the kind made itself in storeFields (a signing secret), shown to its creator once: the create
   * answer carries it, and nothing shows it again. `columns` are what storeFields returned.
   */
  revealOnCreate?(columns: ChannelConfigColumns, channelId: string): ChannelReveal | null;
  /**
   * How the REST API spells a field that is not a plain string on the wire (email's recipients: a list); its
   * output is what createFields takes. Other fields are their createFields schema under a snake_case key.
   */
  apiFields?: Record<string, z.ZodType>;

  // What the delivery worker asks.
  /** The stored columns a send needs, secrets opened; validated by configSchema before any use. */
  readConfig(channel: Channel): unknown;
  /** Checks the stored config; its messages say what to fix in the channel's settings. */
  configSchema: z.ZodType<Config>;
  /**
   * Renders on the render pool (never on the worker's thread); throws when the template cannot render.
   * `renderAs(format)` (render-as.ts) renders the module's format.
   */
  render(projectId: string, template: AlertTemplate, context: JobContext): Promise<Rendered>;
  /**
   * Destinations that limit how fast they accept messages (Slack: about one a second per URL). The
   * worker reserves a slot per destination, shared by every worker process, and holds them all when a
   * send is answered with Retry-After.
   */
  pacing?: {
    /** The gap between two sends to one destination. */
    intervalMs: number;
    /** Where the gap differs per destination (Telegram: a group is slower than a private chat). */
    intervalFor?(config: Config): number;
    destination(config: Config): string;
  };
  /** Talks to the destination and reports what it answered; throws only on a bug. */
  send(rendered: Rendered, config: Config, deps: SendDeps): Promise<Answer>;
  /** Whether the answer means sent, try again later (with Retry-After), or failed for good (and why). */
  classify(answer: Answer): SendResult;
};

export type AnyChannelKind = ChannelKindModule<unknown, unknown, unknown>;
