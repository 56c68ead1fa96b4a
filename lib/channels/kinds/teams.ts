import { z } from "zod";
import { channelSecretConfigField } from "../../crypto/sealed-fields";
import { open, seal } from "../../crypto/secret-box";
import type { TeamsMessage } from "../../templates/render-teams";
import { randomWebhookName } from "../../webhooks/create-webhook";
import { createGuardedFetch, guardedFetch } from "../guarded-fetch";
import { maskTeamsUrl, TeamsUrlSchema } from "../teams-url";
import type { ChannelKindModule } from "./channel-kind";
import { renderAs } from "./render-as";
import { classifyTeamsAnswer, type TeamsAnswer } from "./teams-answer";

const TIMEOUT_MS = 15_000;
/** Teams throttles a webhook past four requests a second. */
export const TEAMS_INTERVAL_MS = 250;
const operatorFetch = createGuardedFetch({ allowPrivate: true });

const TeamsConfig = z.object({
  url: z.string().min(1, "no Teams URL is saved; save one in the channel's settings.").pipe(TeamsUrlSchema),
});
type TeamsConfig = z.infer<typeof TeamsConfig>;

const Shown = z.object({ urlMasked: z.string() });

export const teamsKind: ChannelKindModule<TeamsConfig, TeamsMessage, TeamsAnswer> = {
  kind: "teams",
  label: "Microsoft Teams",
  noun: "Teams",
  format: "teams",
  // Chat destinations share Slack's allowance per project (each kind counted on its own).
  monthlyLimit: (env) => env.HOOKBELL_SLACK_MONTHLY_LIMIT,
  defaultName: () => `teams-${randomWebhookName()}`,
  form: {
    title: "Microsoft Teams notifications",
    blurb: "Post each alert as a card to a Teams channel or chat through a Workflows webhook.",
    fields: [
      {
        name: "url",
        label: "Workflows webhook URL",
        secret: true,
        placeholder: "https://prod-00.westeurope.logic.azure.com/workflows/…/triggers/manual/paths/invoke?…&sig=…",
        help: "In Teams: the channel's ••• menu → Workflows → “Post to a channel when a webhook request is received” → follow the steps → copy the URL. Office 365 connector URLs (…webhook.office.com) no longer work.",
      },
    ],
    parts: [
      { part: "title", label: "Title", rows: 1 },
      { part: "body", label: "Message (Teams markdown: **bold**, _italic_, [link](url))", rows: 4 },
      { part: "facts", label: "Facts (one “Label: value” per line)", rows: 5 },
      { part: "text", label: "Notification summary", rows: 2 },
    ],
  },
  createFields: z.strictObject({ url: TeamsUrlSchema }),
  // Left out or blank keeps the saved URL: it is never sent back to the browser to be resubmitted.
  updateFields: z.strictObject({ url: z.union([z.literal(""), TeamsUrlSchema]).optional() }),
  fieldLabels: { url: "Teams Workflows URL" },
  storeFields(channelId, { url }) {
    if (typeof url !== "string" || !url) return {};
    // Sealed with the channel's id: a sealed URL copied onto another channel does not open.
    return {
      config: JSON.stringify({ urlMasked: maskTeamsUrl(url) }),
      secretConfig: seal(JSON.stringify({ url }), channelSecretConfigField(channelId)),
    };
  },
  describeFields: ({ url }) => (url ? ["new Teams URL"] : []),
  showConfig(channel) {
    const shown = Shown.safeParse(parseJson(channel.config));
    const settings: Record<string, string> = shown.success ? { url: shown.data.urlMasked } : {};
    return { settings };
  },
  readConfig(channel) {
    if (!channel.secretConfig) return { url: "" };
    return parseJson(open(channel.secretConfig, channelSecretConfigField(channel.id))) ?? { url: "" };
  },
  configSchema: TeamsConfig,
  render: renderAs("teams"),
  // Paced by the URL itself (hashed into the key), so channels sharing a workflow share its pace.
  pacing: { intervalMs: TEAMS_INTERVAL_MS, destination: (config) => config.url },
  send: (message, config, deps) => postToTeams(config.url, message, deps.teamsOrigin),
  classify: classifyTeamsAnswer,
};

function parseJson(text: string | null): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/**
 * Posts the card to the workflow. `origin` replaces the URL's scheme and host only when an operator set
 * a stand-in (a test server, an egress proxy); the path and query (with its sig) are kept.
 */
async function postToTeams(url: string, message: TeamsMessage, origin: string | undefined): Promise<TeamsAnswer> {
  const saved = new URL(url);
  const destination = origin ? `${origin}${saved.pathname}${saved.search}` : saved.href;
  // A request to the real host is checked at connect time (public addresses only); only an operator-set
  // origin may be private.
  const fetchVia = origin ? operatorFetch : guardedFetch;
  try {
    const response = await fetchVia(destination, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(message),
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return {
      kind: "answered",
      status: response.status,
      statusText: response.statusText,
      body: await response.text(),
      retryAfter: response.headers.get("retry-after"),
    };
  } catch (error) {
    return { kind: "unreachable", detail: describe(error) };
  }
}

function describe(error: unknown): string {
  const { name, code, message, cause } = (error ?? {}) as {
    name?: string;
    code?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (name === "TimeoutError" || name === "AbortError") return `no answer within ${TIMEOUT_MS / 1000} s`;
  if (code === "EADDRNOTPUBLIC") return String(message);
  const detail = cause?.code ?? code ?? cause?.message ?? message ?? String(error);
  // Never the URL: its query holds the sig.
  return String(detail)
    .slice(0, 300)
    .replace(/https?:\/\/\S+/g, "[url]");
}
