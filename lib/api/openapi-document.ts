import { z } from "zod";
import { API_KEY_PREFIX } from "../api-keys/api-key-secret";
import type { Operation } from "./operation";
import { ApiError } from "./schemas/common";

type JsonSchema = Record<string, unknown>;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed JSON body (bad_request).",
  401: "Missing, malformed, unknown, revoked or expired API key (unauthorized).",
  404: "No such resource in the key's project (not_found). Another project's ids answer exactly the same.",
  409: "The resource is not in a state that allows this (conflict).",
  413: "Body over 512 KiB (payload_too_large).",
  415: "Body not sent as application/json (unsupported_media_type).",
  422: "Invalid input (validation_failed); `error.fields` names each field with what is wrong.",
  429: "Over the per-key rate limit (rate_limited); retry after the Retry-After header's seconds.",
  500: "Unexpected failure (internal_error); details are logged, never returned.",
};

/** A zod schema as an OpenAPI 3.1 Schema Object (JSON Schema draft 2020-12, OpenAPI's own dialect). */
export function toSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { target: "draft-2020-12", io }) as JsonSchema;
  return json;
}

function componentSchemas(operations: Operation[]): Record<string, JsonSchema> {
  // Response shapes become named components; schemas nested in several of them are inlined where used.
  const registry = z.registry<{ id: string }>();
  registry.add(ApiError, { id: "Error" });
  for (const operation of operations) {
    if (operation.response && operation.responseName && !registry.has(operation.response)) {
      registry.add(operation.response, { id: operation.responseName });
    }
  }
  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io: "output",
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]),
  );
}

function parameters(operation: Operation): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [
    ["path", operation.params],
    ["query", operation.query],
  ] as const) {
    if (!schema) continue;
    const json = toSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property;
      list.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  return list;
}

function errorStatuses(operation: Operation): number[] {
  const statuses = new Set([
    ...(operation.errors ?? []),
    ...(operation.auth === false ? [] : [401, 429]),
    ...(operation.body ? [400, 413, 415, 422] : []),
    ...(operation.params || operation.query ? [422] : []),
    500,
  ]);
  return [...statuses].sort((a, b) => a - b);
}

function operationObject(operation: Operation): JsonSchema {
  const responses: Record<string, JsonSchema> = {
    [operation.status]:
      operation.response && operation.responseName
        ? {
            description: operation.summary,
            content: {
              "application/json": {
                schema: { $ref: `#/components/schemas/${operation.responseName}` },
                ...(operation.responseExample !== undefined ? { example: operation.responseExample } : {}),
              },
            },
          }
        : { description: "Done; no body." },
  };
  for (const status of errorStatuses(operation)) {
    responses[status] = {
      description: ERROR_DESCRIPTIONS[status] ?? "Error.",
      ...(status === 429
        ? { headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } }
        : {}),
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  return {
    operationId: operation.id,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    security: operation.auth === false ? [] : [{ apiKey: [] }],
    parameters: parameters(operation),
    ...(operation.body
      ? {
          requestBody: {
            required: !operation.bodyOptional,
            content: {
              "application/json": {
                schema: toSchema(operation.body, "input"),
                ...(operation.requestExample !== undefined ? { example: operation.requestExample } : {}),
              },
            },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of /api/v1, built from the operations' own zod schemas. */
export function buildOpenApiDocument(operations: Operation[], serverUrl: string) {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    paths[operation.path][operation.method.toLowerCase()] = operationObject(operation);
  }
  return {
    openapi: "3.1.0" as const,
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    info: {
      title: "Hookbell API",
      version: "1.0.0",
      description:
        "Automate Hookbell: webhooks, their email and Slack channels, templates, the event log and its " +
        `actions. Authenticate with a project API key (Settings → API keys): \`Authorization: Bearer ${API_KEY_PREFIX}…\`. ` +
        'Every error answers `{ "error": { "code", "message" } }`; an unknown path answers 404 and a ' +
        "method a path does not support 405 with an Allow header, in the same shape. Secrets (signing " +
        "secrets, Slack URLs) are write-only and appear only masked.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    tags: [
      { name: "Webhooks", description: "Where senders post; each has a signing secret and an environment label." },
      {
        name: "Senders",
        description: "The applications a webhook connects to (its `provider`): steps, secret, settings, events.",
      },
      { name: "Channels", description: "A webhook's email and Slack alerts: recipients or URL, template, filter." },
      { name: "Templates", description: "Alert template presets and previews." },
      { name: "Events", description: "The notification log: every request received and its alerts." },
      { name: "Actions", description: "Retry, replay and test." },
      { name: "Meta", description: "This document." },
    ],
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: `A project API key, ${API_KEY_PREFIX} followed by 32 letters and digits.`,
        },
      },
      schemas: componentSchemas(operations),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
