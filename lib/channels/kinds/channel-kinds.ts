import type { AnyChannelKind, ChannelKindId } from "./channel-kind";
import { emailKind } from "./email";
import { slackKind } from "./slack";

/** Every kind of channel Hookbell can send to, by the `kind` stored on channels and deliveries. */
export const CHANNEL_KINDS: Record<ChannelKindId, AnyChannelKind> = {
  email: emailKind,
  slack: slackKind,
};

/** The module for a stored kind; null for a kind this version does not know (a newer one wrote it). */
export function channelKindFor(kind: string): AnyChannelKind | null {
  return Object.hasOwn(CHANNEL_KINDS, kind) ? CHANNEL_KINDS[kind as ChannelKindId] : null;
}
