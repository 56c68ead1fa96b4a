import { z } from "zod";
import type { ApiCaller } from "../../api-keys/authenticate-api-key";
import { createChannelAndReveal } from "../../channels/create-channel";
import { deleteChannel } from "../../channels/delete-channel";
import { type ChannelView, listChannels } from "../../channels/list-channels";
import { updateChannel } from "../../channels/update-channel";
import type { Db } from "../../db/client";
import { notFound } from "../../errors";
import { getWebhook } from "../../webhooks/get-webhook";
import { defineOperation } from "../operation";
import {
  Channel,
  ChannelCreate,
  ChannelCreated,
  ChannelList,
  ChannelUpdate,
  fromApiTemplates,
  toApiChannel,
  toKindFields,
} from "../schemas/channel";
import { Id } from "../schemas/common";

const WebhookParams = z.object({ webhookId: Id("webhook") });
const ChannelParams = z.object({ webhookId: Id("webhook"), channelId: Id("channel") });

const EXAMPLE_CHANNEL = {
  id: "ch_7NfQ2kLm9PzR4tVw1XyA",
  webhook_id: "wh_4xY0k1bQ7mN2pR8sT3vW6zA9",
  kind: "slack",
  enabled: true,
  name: "signups",
  recipients: [],
  slack_url_hint: "https://hooks.slack.com/services/…X9kQ",
  settings: { slack_url: "https://hooks.slack.com/services/…X9kQ" },
  event_types: ["user.created"],
  conditions: { data: { email_addresses: { email_address: { $endsWith: "@acme.com" } } } },
  templates: [],
  updated_at: "2026-11-02T10:00:00.000Z",
};

/** A create names only its kind's fields: the others, unset here, must not reach the kind's check. */
function withoutUnset(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

async function findChannel(db: Db, caller: ApiCaller, webhookId: string, channelId: string): Promise<ChannelView> {
  await getWebhook(db, caller, webhookId);
  const channel = (await listChannels(db, caller, webhookId)).find((candidate) => candidate.id === channelId);
  if (!channel) throw notFound("Channel");
  return channel;
}

async function answer(db: Db, caller: ApiCaller, webhookId: string, channelId: string) {
  return toApiChannel(webhookId, await findChannel(db, caller, webhookId, channelId));
}

export const channelOperations = [
  defineOperation({
    id: "listChannels",
    method: "GET",
    path: "/webhooks/{webhookId}/channels",
    tag: "Channels",
    summary: "List a webhook's channels",
    description: "Every channel of the webhook, of any kind, oldest first. Slack URLs appear only masked.",
    params: WebhookParams,
    status: 200,
    response: ChannelList,
    responseName: "ChannelList",
    errors: [404],
    responseExample: { data: [EXAMPLE_CHANNEL] },
    handler: async ({ db, caller, params }) => {
      await getWebhook(db, caller, params.webhookId);
      const channels = await listChannels(db, caller, params.webhookId);
      return { data: channels.map((channel) => toApiChannel(params.webhookId, channel)) };
    },
  }),
  defineOperation({
    id: "createChannel",
    method: "POST",
    path: "/webhooks/{webhookId}/channels",
    tag: "Channels",
    summary: "Add a channel of any kind",
    description:
      "Adds one channel; a webhook has any number, of any kind (one request per channel). Each edited " +
      "template must compile and render a sample of its event type, else the answer is 422 naming the part, " +
      "line and column. Without templates the channel renders each event type's own preset. A kind that makes " +
      "its own secret (a signing secret) returns it once, in `revealed`: it is never shown again.",
    params: WebhookParams,
    body: ChannelCreate,
    status: 201,
    response: ChannelCreated,
    responseName: "ChannelCreated",
    errors: [404],
    requestExample: {
      kind: "slack",
      name: "signups",
      slack_url: "https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXX9kQ",
      event_types: ["user.created"],
      conditions: { data: { email_addresses: { email_address: { $endsWith: "@acme.com" } } } },
    },
    responseExample: EXAMPLE_CHANNEL,
    handler: async ({ db, caller, params, body }) => {
      const { webhookId } = params;
      const { id: channelId, reveal } = await createChannelAndReveal(db, caller, webhookId, {
        kind: body.kind,
        ...withoutUnset(toKindFields(body)),
        name: body.name,
        isEnabled: body.enabled,
        eventTypes: body.event_types,
        conditions: body.conditions,
        templates: fromApiTemplates(body.templates),
      });
      const channel = await answer(db, caller, webhookId, channelId);
      return reveal ? { ...channel, revealed: reveal } : channel;
    },
  }),
  defineOperation({
    id: "getChannel",
    method: "GET",
    path: "/webhooks/{webhookId}/channels/{channelId}",
    tag: "Channels",
    summary: "Get a channel",
    params: ChannelParams,
    status: 200,
    response: Channel,
    responseName: "Channel",
    errors: [404],
    responseExample: EXAMPLE_CHANNEL,
    handler: async ({ db, caller, params }) => answer(db, caller, params.webhookId, params.channelId),
  }),
  defineOperation({
    id: "updateChannel",
    method: "PATCH",
    path: "/webhooks/{webhookId}/channels/{channelId}",
    tag: "Channels",
    summary: "Update a channel",
    description:
      "Only the fields sent change, in one transaction with one audit entry; `enabled: false` turns the " +
      "channel off and keeps its configuration. `templates` saves rows by event type (an override for " +
      "user.created leaves every other type as it was); `reset_templates` deletes rows. The Slack URL is write-only.",
    params: ChannelParams,
    body: ChannelUpdate,
    status: 200,
    response: Channel,
    responseName: "Channel",
    errors: [404, 409],
    requestExample: {
      templates: [
        {
          event_type: "user.created",
          template: {
            title: "🔔 New signup: {{fullName event.data}}",
            body: "*{{fullName event.data}}* signed up",
            text: "",
            facts: "",
          },
        },
      ],
    },
    responseExample: EXAMPLE_CHANNEL,
    handler: async ({ db, caller, params, body }) => {
      const { webhookId, channelId } = params;
      await getWebhook(db, caller, webhookId);
      // One transaction and one audit entry, however many fields change (enabled included).
      await updateChannel(db, caller, webhookId, channelId, {
        name: body.name,
        isEnabled: body.enabled,
        ...toKindFields(body),
        eventTypes: body.event_types,
        conditions: body.conditions,
        templates: body.templates && fromApiTemplates(body.templates),
        resetTemplates: body.reset_templates,
        expectedUpdatedAt: body.expected_updated_at,
      });
      return answer(db, caller, webhookId, channelId);
    },
  }),
  defineOperation({
    id: "deleteChannel",
    method: "DELETE",
    path: "/webhooks/{webhookId}/channels/{channelId}",
    tag: "Channels",
    summary: "Delete a channel",
    description:
      "Deletes the channel and the history of its alerts. To pause alerts and keep both, PATCH `enabled: false`.",
    params: ChannelParams,
    status: 204,
    errors: [404],
    handler: async ({ db, caller, params }) => {
      await deleteChannel(db, caller, params.webhookId, params.channelId);
      return undefined;
    },
  }),
];
