"use client";

import type { ComponentType } from "react";
import type { ChannelView } from "@/lib/channels/list-channels";
import { ForwardSecret } from "./forward-secret";

// What a kind shows under each of its channels in its card, by kind id (the signed webhook's secret
// rotation). Kinds add their entry here; a kind without one shows only its settings.
export const CARD_EXTRAS: Record<string, ComponentType<{ webhookId: string; channel: ChannelView }>> = {
  webhook: ForwardSecret,
};
