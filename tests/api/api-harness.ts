import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { Tenant } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { type RunningServer, startServer } from "../helpers/load";
import { openTestDb, seedTenant } from "../helpers/test-db";

// The API tests' harness: a real server (server.ts, as `npm start` runs it) on the test file's database,
// accounts and keys made through the real lib functions on that same database, and every answer
// checked against the OpenAPI document the server itself serves.

export type ApiAnswer = { status: number; headers: Headers; json: unknown; text: string };

export type ApiHarness = {
  server: RunningServer;
  db: Db;
  url: string;
  /** A new account (project) with an API key of its own. */
  newProject: (options?: { expiresInDays?: number | null; now?: Date }) => Promise<{ tenant: Tenant; key: string }>;
  /** Calls /api/v1 with the key and validates the answer against the document (see `validate`). */
  call: (
    method: string,
    path: string,
    options?: { key?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ) => Promise<ApiAnswer>;
};

export async function startApiHarness(extraEnv: Record<string, string> = {}): Promise<ApiHarness> {
  const db = await openTestDb();
  const server = await startServer({ HOOKBELL_API_RATE_PER_KEY: "1000", ...extraEnv });
  const validator = await ResponseValidator.load(server.url);
  const newProject: ApiHarness["newProject"] = async (options = {}) => {
    const tenant = await seedTenant(db);
    const { key } = await createApiKey(
      db,
      tenant,
      { name: "tests", expiresInDays: options.expiresInDays ?? null },
      options.now,
    );
    return { tenant, key };
  };
  const call: ApiHarness["call"] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    const response = await fetch(`${server.url}/api/v1${path}`, { method, headers, body });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    const answer = { status: response.status, headers: response.headers, json, text };
    validator.validate(method, path, answer);
    return answer;
  };
  return { server, db, url: server.url, newProject, call };
}

/**
 * Validates an answer against the served OpenAPI document: the operation's schema for that exact status
 * (a status the document does not list for the operation fails), the Error schema for unknown paths and
 * 405s, and an empty body for 204.
 */
export class ResponseValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly cache = new Map<string, ValidateFunction>();
  readonly templates: { template: string; pattern: RegExp }[];

  private constructor(readonly document: OpenApi) {
    addFormats(this.ajv);
    this.ajv.addSchema(document as object, "openapi");
    this.templates = Object.keys(document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{\w+\}/g, "[^/]+")}$`),
    }));
  }

  static async load(serverUrl: string): Promise<ResponseValidator> {
    const response = await fetch(`${serverUrl}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    return new ResponseValidator((await response.json()) as OpenApi);
  }

  schemaAt(pointer: string): ValidateFunction {
    let validate = this.cache.get(pointer);
    if (!validate) {
      validate = this.ajv.getSchema(`openapi#${pointer}`);
      if (!validate) throw new Error(`no schema at ${pointer}`);
      this.cache.set(pointer, validate);
    }
    return validate;
  }

  validate(method: string, path: string, answer: ApiAnswer): void {
    const bare = path.split("?")[0];
    const template = this.templates.find((candidate) => candidate.pattern.test(bare))?.template;
    const operation = template ? this.document.paths[template][method.toLowerCase()] : undefined;
    const where = `${method} ${path} → ${answer.status}`;
    if (!operation) {
      // Unknown path or method: the one error shape.
      expect([404, 405], where).toContain(answer.status);
      this.expectValid(this.schemaAt("/components/schemas/Error"), answer.json, where);
      return;
    }
    const response = operation.responses[String(answer.status)];
    expect(
      response,
      `${where}: status not documented for this operation (body ${answer.text.slice(0, 300)})`,
    ).toBeDefined();
    if (!response.content) {
      expect(answer.text, where).toBe("");
      return;
    }
    expect(answer.headers.get("content-type"), where).toMatch(/^application\/json/);
    const pointer = `/paths/${pointerSegment(template as string)}/${method.toLowerCase()}/responses/${answer.status}/content/application~1json/schema`;
    this.expectValid(this.schemaAt(pointer), answer.json, where);
  }

  expectValid(validate: ValidateFunction, value: unknown, where: string): void {
    const isValid = validate(value);
    expect(isValid ? [] : validate.errors, `${where}: ${JSON.stringify(value).slice(0, 500)}`).toEqual([]);
  }
}

export function pointerSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export type OpenApi = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters: unknown[];
        requestBody?: { content: Record<string, { schema: object; example?: unknown }> };
        responses: Record<string, { content?: Record<string, { schema: object; example?: unknown }> }>;
      }
    >
  >;
  components: { schemas: Record<string, object> };
};
