import { z } from "zod";
import { AppError } from "../../errors";
import { createWebhook } from "../../webhooks/create-webhook";
import { deleteWebhook } from "../../webhooks/delete-webhook";
import { getWebhook } from "../../webhooks/get-webhook";
import { listWebhooks } from "../../webhooks/list-webhooks";
import { saveSigningSecret } from "../../webhooks/save-signing-secret";
import { setWebhookActive, updateWebhookDetails } from "../../webhooks/update-webhook";
import { FieldsError, fieldsError } from "../api-error";
import { defineOperation } from "../operation";
import { Id } from "../schemas/common";
import {
  senderSettingsProblems,
  toApiWebhook,
  Webhook,
  WebhookCreate,
  WebhookList,
  WebhookUpdate,
} from "../schemas/webhook";

const WebhookParams = z.object({ webhookId: Id("webhook") });

const EXAMPLE_WEBHOOK = {
  id: "wh_4xY0k1bQ7mN2pR8sT3vW6zA9",
  name: "Clerk production",
  environment: "production",
  provider: "clerk",
  provider_name: "Clerk",
  sender_settings: null,
  is_active: true,
  url: "https://hookbell.example.com/api/ingest/wh_4xY0k1bQ7mN2pR8sT3vW6zA9",
  secret_hint: "whsec_…aSw0",
  secret_updated_at: "2026-11-20T09:30:00.000Z",
  previous_secret_hint: null,
  previous_secret_expires_at: null,
  event_count: 0,
  last_event_at: null,
  created_at: "2026-11-20T09:30:00.000Z",
};

export const webhookOperations = [
  defineOperation({
    id: "listWebhooks",
    method: "GET",
    path: "/webhooks",
    tag: "Webhooks",
    summary: "List webhooks",
    description: "Every webhook of the key's project, newest first.",
    status: 200,
    response: WebhookList,
    responseName: "WebhookList",
    responseExample: { data: [EXAMPLE_WEBHOOK] },
    handler: async ({ db, caller }) => ({ data: (await listWebhooks(db, caller)).map(toApiWebhook) }),
  }),
  defineOperation({
    id: "createWebhook",
    method: "POST",
    path: "/webhooks",
    tag: "Webhooks",
    summary: "Create a webhook",
    description:
      "Created inactive, as in the dashboard: it accepts requests once a signing secret is saved. Sending " +
      "`provider` and `signing_secret` here saves the secret at once, which activates it; `sender_settings` " +
      "(for senders that have settings: GET /api/v1/senders) are saved with it.",
    body: WebhookCreate,
    bodyOptional: true,
    status: 201,
    response: Webhook,
    responseName: "Webhook",
    requestExample: { name: "Clerk production", environment: "production" },
    responseExample: { ...EXAMPLE_WEBHOOK, provider: null, provider_name: null, is_active: false, secret_hint: null },
    handler: async ({ db, caller, body }) => {
      let webhook = await createWebhook(db, caller, body.name);
      if (body.environment !== undefined) {
        webhook = await updateWebhookDetails(db, caller, webhook.id, {
          name: webhook.name,
          environment: body.environment,
        });
      }
      if (body.signing_secret !== undefined && body.provider !== undefined) {
        webhook = await saveSigningSecret(db, caller, webhook.id, {
          provider: body.provider,
          secret: body.signing_secret,
          settings: body.sender_settings,
        });
      }
      return toApiWebhook(webhook);
    },
  }),
  defineOperation({
    id: "getWebhook",
    method: "GET",
    path: "/webhooks/{webhookId}",
    tag: "Webhooks",
    summary: "Get a webhook",
    params: WebhookParams,
    status: 200,
    response: Webhook,
    responseName: "Webhook",
    errors: [404],
    responseExample: EXAMPLE_WEBHOOK,
    handler: async ({ db, caller, params }) => toApiWebhook(await getWebhook(db, caller, params.webhookId)),
  }),
  defineOperation({
    id: "updateWebhook",
    method: "PATCH",
    path: "/webhooks/{webhookId}",
    tag: "Webhooks",
    summary: "Update a webhook",
    description:
      "Only the fields sent change. A signing secret is write-only: answers show it masked. " +
      "Fields apply in order — name and environment, secret, then activation — so one request can save " +
      "the first secret and deactivate.",
    params: WebhookParams,
    body: WebhookUpdate,
    status: 200,
    response: Webhook,
    responseName: "Webhook",
    errors: [404, 409],
    requestExample: { provider: "clerk", signing_secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" },
    responseExample: EXAMPLE_WEBHOOK,
    handler: async ({ db, caller, params, body }) => {
      const { webhookId } = params;
      const current = await getWebhook(db, caller, webhookId);
      const provider = body.provider ?? current.provider;
      if (body.signing_secret !== undefined && !provider) {
        throw fieldsError("provider", "Say which application signs with this secret.");
      }
      // With the provider named, the body's schema checked the settings; else they are checked here against
      // the sender already connected, before anything changes.
      if (body.sender_settings !== undefined && body.provider === undefined && provider) {
        const problems = senderSettingsProblems(provider, body.sender_settings);
        if (problems.length > 0) throw new FieldsError(problems);
      }
      if (body.is_active === true && !current.secretHint && body.signing_secret === undefined) {
        throw new AppError("conflict", "Connect an application and save its signing secret before activating.");
      }
      let webhook = current;
      if (body.name !== undefined || body.environment !== undefined) {
        webhook = await updateWebhookDetails(db, caller, webhookId, {
          name: body.name ?? current.name,
          environment: body.environment ?? current.environment,
        });
      }
      if (body.signing_secret !== undefined && provider) {
        webhook = await saveSigningSecret(db, caller, webhookId, {
          provider,
          secret: body.signing_secret,
          settings: body.sender_settings,
        });
      }
      if (body.is_active !== undefined && body.is_active !== webhook.isActive) {
        webhook = await setWebhookActive(db, caller, webhookId, body.is_active);
      }
      return toApiWebhook(webhook);
    },
  }),
  defineOperation({
    id: "deleteWebhook",
    method: "DELETE",
    path: "/webhooks/{webhookId}",
    tag: "Webhooks",
    summary: "Delete a webhook",
    description: "Deletes the webhook, its channels and every event logged for it. Answers 204 with no body.",
    params: WebhookParams,
    status: 204,
    errors: [404],
    handler: async ({ db, caller, params }) => {
      await deleteWebhook(db, caller, params.webhookId);
      return undefined;
    },
  }),
];
