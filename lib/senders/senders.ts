import { clerk } from "./clerk/clerk";
import { customHmac } from "./custom-hmac/custom-hmac";
import { github } from "./github/github";
import { gitlab } from "./gitlab/gitlab";
import { lemonSqueezy } from "./lemon-squeezy/lemon-squeezy";
import { linear } from "./linear/linear";
import { paddle } from "./paddle/paddle";
import { polar } from "./polar/polar";
import { resend } from "./resend/resend";
import type { AnySender } from "./sender";
import { shopify } from "./shopify/shopify";
import { standardWebhooks } from "./standard-webhooks";
import { stripe } from "./stripe/stripe";
import { supabase } from "./supabase/supabase";
import { vercel } from "./vercel/vercel";
import { workos } from "./workos/workos";

// Every sender a webhook can connect to, in the Connect picker's order: the most used first, then the
// generic ones. Adding one is a module beside these (see CONTRIBUTING.md, "Adding a sender"), not a new
// code path.

export const SENDERS: readonly AnySender[] = [
  clerk,
  stripe,
  github,
  shopify,
  paddle,
  resend,
  vercel,
  linear,
  workos,
  polar,
  lemonSqueezy,
  gitlab,
  supabase,
  standardWebhooks,
  customHmac,
];

const BY_ID = new Map(SENDERS.map((sender) => [sender.id, sender]));

export function findSender(id: string | null | undefined): AnySender | undefined {
  return id ? BY_ID.get(id) : undefined;
}

export function isSenderId(id: string): boolean {
  return BY_ID.has(id);
}
