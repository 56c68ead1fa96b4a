import { z } from "zod";
import type { ApiCaller } from "../../api-keys/authenticate-api-key";
import type { ChannelInput } from "../../channels/channel-input";
import { deleteChannel } from "../../channels/delete-channel";
import { type ChannelView, listChannels } from "../../channels/list-channels";
import { randomSlackChannelName, saveChannel } from "../../channels/save-channel";
import { setChannelEnabled } from "../../channels/set-channel-enabled";
import type { Db } from "../../db/client";
import { AppError, notFound } from "../../errors";
import { AUTO_PRESET_ID, getPreset } from "../../templates/presets";
import { getWebhook } from "../../webhooks/get-webhook";
import { type FieldProblem, FieldsError } from "../api-error";
import { defineOperation } from "../operation";
import { Channel, ChannelCreate, ChannelList, ChannelUpdate, toApiChannel } from "../schemas/channel";
import { Id } from "../schemas/common";

const WebhookParams = z.object({ webhookId: Id("webhook") });
const ChannelParams = z.object({ webhookId: Id("webhook"), channelId: Id("channel") });

const EXAMPLE_CHANNEL = {
  id: "ch_7NfQ2kLm9PzR4tVw1XyA",
  webhook_id: "wh_4xY0k1bQ7mN2pR8sT3vW6zA9",
  kind: "slack",
  enabled: true,
  name: "alerts-signups",
  recipients: [],
  slack_url_hint: "https://hooks.slack.com/services/…X9kQ",
  template_preset: "auto",
  template: null,
  event_types: ["user.created", "user.deleted"],
};

async function findChannel(db: Db, caller: ApiCaller, webhookId: string, channelId: string): Promise<ChannelView> {
  await getWebhook(db, caller, webhookId);
  const channel = (await listChannels(db, caller, webhookId)).find((candidate) => candidate.id === channelId);
  if (!channel) throw notFound("Channel");
  return channel;
}

async function answer(db: Db, caller: ApiCaller, webhookId: string, channelId: string) {
  return toApiChannel(webhookId, await findChannel(db, caller, webhookId, channelId));
}

/** The saved configuration in the dashboard's input shape, with the request's changes laid over it. */
function mergedInput(channel: ChannelView, body: z.output<typeof ChannelUpdate>): ChannelInput {
  const problems: FieldProblem[] = [];
  const wrongKind = (field: string) =>
    problems.push({
      path: field,
      message: `Not a field of ${channel.kind === "email" ? "an email" : "a Slack"} channel.`,
    });
  if (channel.kind === "email" && body.name !== undefined) wrongKind("name");
  if (channel.kind === "email" && body.slack_url !== undefined) wrongKind("slack_url");
  if (channel.kind === "slack" && body.recipients !== undefined) wrongKind("recipients");
  const preset = body.template_preset ?? channel.templatePreset;
  if (preset !== AUTO_PRESET_ID && !getPreset(channel.kind, preset)) {
    problems.push({
      path: "template_preset",
      message: "Choose a template preset listed by GET /api/v1/templates, or auto.",
    });
  }
  if (body.template && "html" in body.template !== (channel.kind === "email")) {
    problems.push({
      path: "template",
      message:
        channel.kind === "email" ? "An email template has subject, html and text." : "A Slack template has text only.",
    });
  }
  if (problems.length > 0) throw new FieldsError(problems);

  const eventTypes = body.event_types === undefined ? channel.eventTypes : body.event_types;
  const saved = channel.template;
  if (channel.kind === "email") {
    const template =
      body.template !== undefined
        ? (body.template as { subject: string; html: string; text: string } | null)
        : saved && { subject: saved.subject, html: saved.body, text: saved.text };
    return {
      kind: "email",
      recipients: (body.recipients ?? channel.recipients).join(", "),
      templatePreset: preset,
      eventTypes,
      template,
    };
  }
  const template =
    body.template !== undefined ? (body.template as { text: string } | null) : saved && { text: saved.body };
  // A blank URL keeps the saved one.
  return {
    kind: "slack",
    name: body.name ?? channel.name,
    slackUrl: body.slack_url ?? "",
    templatePreset: preset,
    eventTypes,
    template,
  };
}

export const channelOperations = [
  defineOperation({
    id: "listChannels",
    method: "GET",
    path: "/webhooks/{webhookId}/channels",
    tag: "Channels",
    summary: "List a webhook's channels",
    description: "At most one email and one Slack channel per webhook. Slack URLs appear only masked.",
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
    summary: "Add an email or Slack channel",
    description:
      "An edited `template` must compile and render a sample event, else the answer is 422 naming the part, " +
      "line and column. A webhook has at most one channel of each kind: a second answers 409.",
    params: WebhookParams,
    body: ChannelCreate,
    status: 201,
    response: Channel,
    responseName: "Channel",
    errors: [404, 409],
    requestExample: {
      kind: "slack",
      name: "alerts-signups",
      slack_url: "https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXX9kQ",
      event_types: ["user.created", "user.deleted"],
    },
    responseExample: EXAMPLE_CHANNEL,
    handler: async ({ db, caller, params, body }) => {
      const { webhookId } = params;
      await getWebhook(db, caller, webhookId);
      const existing = (await listChannels(db, caller, webhookId)).find((channel) => channel.kind === body.kind);
      if (existing) {
        throw new AppError(
          "conflict",
          `This webhook already has ${body.kind === "email" ? "an email" : "a Slack"} channel (${existing.id}); change it with PATCH.`,
        );
      }
      const common = { templatePreset: body.template_preset, eventTypes: body.event_types };
      const channelId = await saveChannel(
        db,
        caller,
        webhookId,
        body.kind === "email"
          ? { kind: "email", recipients: body.recipients.join(", "), template: body.template, ...common }
          : {
              kind: "slack",
              name: body.name ?? randomSlackChannelName(),
              slackUrl: body.slack_url,
              template: body.template,
              ...common,
            },
      );
      if (!body.enabled) await setChannelEnabled(db, caller, webhookId, body.kind, false);
      return answer(db, caller, webhookId, channelId);
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
      "Only the fields sent change; `enabled: false` turns the channel off and keeps its configuration. " +
      "Send `template: null` to go back to the preset. The Slack URL is write-only.",
    params: ChannelParams,
    body: ChannelUpdate,
    status: 200,
    response: Channel,
    responseName: "Channel",
    errors: [404],
    requestExample: { event_types: null, template_preset: "generic" },
    responseExample: { ...EXAMPLE_CHANNEL, event_types: null, template_preset: "generic" },
    handler: async ({ db, caller, params, body }) => {
      const { webhookId, channelId } = params;
      const channel = await findChannel(db, caller, webhookId, channelId);
      const { enabled, ...changes } = body;
      const changesConfig = Object.values(changes).some((value) => value !== undefined);
      const input = mergedInput(channel, body);
      // Saving turns a channel on (as in the dashboard); the requested or previous state is restored after.
      if (changesConfig) await saveChannel(db, caller, webhookId, input);
      const wantsEnabled = enabled ?? channel.isEnabled;
      if (wantsEnabled !== (changesConfig || channel.isEnabled)) {
        await setChannelEnabled(db, caller, webhookId, channel.kind, wantsEnabled);
      }
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
