import { describeSender } from "../../senders/describe-sender";
import { SENDERS } from "../../senders/senders";
import { defineOperation } from "../operation";
import { SenderList, toApiSender } from "../schemas/sender";

export const senderOperations = [
  defineOperation({
    id: "listSenders",
    method: "GET",
    path: "/senders",
    tag: "Senders",
    summary: "List senders",
    description:
      "Every application a webhook can connect to, in the Connect picker's order: its id (a webhook's " +
      "`provider`), where its dashboard takes the Webhook URL and shows the secret, how it is deduplicated, " +
      "the `sender_settings` it takes and its event catalog.",
    status: 200,
    response: SenderList,
    responseName: "SenderList",
    responseExample: {
      data: [
        {
          id: "clerk",
          name: "Clerk",
          category: "auth",
          keywords: ["auth", "users"],
          docs_url: "https://clerk.com/docs/webhooks/overview",
          url_help: ["Open the Clerk Dashboard and select your application."],
          secret: { label: "Signing secret", placeholder: "whsec_…", help: "Configure → Webhooks → Signing Secret." },
          idempotency: "the svix-id header (Svix's message id)",
          idempotency_note:
            "Duplicates are recognised by the svix-id header (Svix's message id); a delivery seen before is logged once.",
          settings: [],
          events: [
            { id: "user", name: "User", types: [{ type: "user.created", description: "A new user signed up" }] },
          ],
        },
      ],
    },
    handler: async () => ({ data: SENDERS.map((sender) => toApiSender(describeSender(sender))) }),
  }),
];
