import { z } from "zod";
import { getEnv } from "../env";
import { buildOpenApiDocument, type OpenApiDocument } from "./openapi-document";
import { defineOperation, type Operation } from "./operation";
import { actionOperations } from "./operations/action-operations";
import { channelOperations } from "./operations/channel-operations";
import { eventOperations } from "./operations/event-operations";
import { senderOperations } from "./operations/sender-operations";
import { templateOperations } from "./operations/template-operations";
import { webhookOperations } from "./operations/webhook-operations";

const RESOURCE_OPERATIONS: Operation[] = [
  ...webhookOperations,
  ...senderOperations,
  ...channelOperations,
  ...templateOperations,
  ...eventOperations,
  ...actionOperations,
];

let cachedDocument: OpenApiDocument | undefined;

/** The document is built once per process: the schemas do not change while it runs. */
export function openApiDocument(): OpenApiDocument {
  cachedDocument ??= buildOpenApiDocument(API_OPERATIONS, getEnv().APP_URL);
  return cachedDocument;
}

/** Every endpoint of /api/v1: the router serves these and the OpenAPI document describes them. */
export const API_OPERATIONS: Operation[] = [
  ...RESOURCE_OPERATIONS,
  defineOperation({
    id: "getOpenApiDocument",
    method: "GET",
    path: "/openapi.json",
    tag: "Meta",
    summary: "This API's OpenAPI 3.1 document",
    description: "Needs no key. Generated from the same zod schemas that validate requests and responses.",
    auth: false,
    status: 200,
    response: z.looseObject({ openapi: z.literal("3.1.0") }),
    responseName: "OpenApiDocument",
    handler: async () => openApiDocument(),
  }),
];
