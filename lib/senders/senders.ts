import { clerk } from "./clerk/clerk";
import { github } from "./github/github";
import type { AnySender } from "./sender";
import { standardWebhooks } from "./standard-webhooks";
import { vercel } from "./vercel/vercel";

// Every sender a webhook can connect to, in the Connect picker's order. Adding one is a module beside these
// (see CONTRIBUTING.md, "Adding a sender"), not a new code path.

export const SENDERS: readonly AnySender[] = [clerk, github, vercel, standardWebhooks];

const BY_ID = new Map(SENDERS.map((sender) => [sender.id, sender]));

export function findSender(id: string | null | undefined): AnySender | undefined {
  return id ? BY_ID.get(id) : undefined;
}

export function isSenderId(id: string): boolean {
  return BY_ID.has(id);
}
