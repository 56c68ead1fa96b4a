import { AppError } from "../../errors";
import type { AnyChannelKind, ChannelKindId } from "./channel-kind";
import { discordKind } from "./discord";
import { emailKind } from "./email";
import { slackKind } from "./slack";
import { teamsKind } from "./teams";
import { telegramKind } from "./telegram";
import { webhookKind } from "./webhook";

/** Every kind of channel Hookbell can send to, by the `kind` stored on channels and deliveries. */
export const CHANNEL_KINDS: Record<ChannelKindId, AnyChannelKind> = {
  email: emailKind,
  slack: slackKind,
  discord: discordKind,
  teams: teamsKind,
  telegram: telegramKind,
  webhook: webhookKind,
};

// Kinds added at run time: only tests do, to prove a kind needs nothing beyond its module.
const added = new Map<string, AnyChannelKind>();

/** The module for a stored kind; null for a kind this version does not know (a newer one wrote it). */
export function channelKindFor(kind: string): AnyChannelKind | null {
  return Object.hasOwn(CHANNEL_KINDS, kind) ? CHANNEL_KINDS[kind as ChannelKindId] : (added.get(kind) ?? null);
}

/** The module for a kind people asked for; a clear refusal for one that does not exist. */
export function requireChannelKind(kind: string): AnyChannelKind {
  const module = channelKindFor(kind);
  if (!module) {
    const known = listChannelKinds().map((candidate) => candidate.kind);
    throw new AppError(
      "validation_failed",
      `Choose a kind of channel: ${known.join(", ")} (not “${kind.slice(0, 40)}”).`,
    );
  }
  return module;
}

export function listChannelKinds(): AnyChannelKind[] {
  return [...Object.values(CHANNEL_KINDS), ...added.values()];
}

/** Adds a kind for the life of this process (tests); returns what removes it again. */
export function registerChannelKind(module: AnyChannelKind): () => void {
  if (channelKindFor(module.kind)) throw new Error(`The channel kind ${module.kind} exists already.`);
  added.set(module.kind, module);
  return () => added.delete(module.kind);
}
