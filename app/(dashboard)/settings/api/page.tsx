import type { Metadata } from "next";
import Link from "next/link";
import { openApiDocument } from "@/lib/api/api-operations";
import { requireTenant } from "@/lib/auth/get-tenant";
import { type JsonSchema, SchemaFields, typeLabel } from "./schema-fields";

export const metadata: Metadata = { title: "API reference" };

type OperationObject = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: unknown[];
  parameters: { name: string; in: string; required: boolean; description?: string; schema: JsonSchema }[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema; example?: unknown }> };
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema: JsonSchema; example?: unknown }> }
  >;
};

const METHOD_TONE: Record<string, string> = {
  get: "bg-emerald-50 text-emerald-700 ring-emerald-600/30",
  post: "bg-brand-50 text-brand-700 ring-brand-600/30",
  patch: "bg-amber-50 text-amber-800 ring-amber-600/30",
  delete: "bg-red-50 text-red-700 ring-red-600/30",
};

/** Descriptions mark code with backticks, as in the OpenAPI document; shown here as code. */
function Prose({ text }: { text: string }) {
  return text.split(/(`[^`]+`)/).map((part, index) =>
    part.startsWith("`") && part.endsWith("`") ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of a fixed text never reorder
      <code key={index} className="rounded bg-slate-100 px-1 font-mono text-xs">
        {part.slice(1, -1)}
      </code>
    ) : (
      part
    ),
  );
}

function Example({ value }: { value: unknown }) {
  return (
    // Focusable: a long example scrolls sideways, and a keyboard user must be able to scroll it too.
    <pre
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls needs keyboard access (WCAG 2.1.1).
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-slate-100 p-3 text-xs leading-relaxed text-slate-900"
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** The REST API's reference, rendered on the server from the OpenAPI document the API itself serves. */
export default async function ApiReferencePage() {
  await requireTenant();
  const document = openApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, ...(operation as OperationObject) })),
  );
  const baseUrl = document.servers[0].url;
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <p className="text-sm">
          <Link href="/settings" className="text-brand-700 underline">
            Settings
          </Link>{" "}
          / API reference
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">API reference</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          <Prose text={document.info.description} />
        </p>
        <ul className="space-y-1 text-sm">
          <li>
            Base URL: <code className="font-mono text-xs">{baseUrl}</code>
          </li>
          <li>
            OpenAPI 3.1 document:{" "}
            <a href="/api/v1/openapi.json" className="font-medium text-brand-700 underline">
              /api/v1/openapi.json
            </a>
          </li>
          <li>
            Keys:{" "}
            <Link href="/settings" className="font-medium text-brand-700 underline">
              Settings → API keys
            </Link>
          </li>
        </ul>
        <nav aria-label="Endpoints" className="flex flex-wrap gap-2 text-sm">
          {document.tags.map((tag) => (
            <a key={tag.name} href={`#tag-${tag.name}`} className="rounded-md border border-slate-300 px-2.5 py-1">
              {tag.name}
            </a>
          ))}
        </nav>
      </div>
      {document.tags.map((tag) => (
        <section
          key={tag.name}
          id={`tag-${tag.name}`}
          aria-labelledby={`tag-${tag.name}-heading`}
          className="space-y-4"
        >
          <div>
            <h2 id={`tag-${tag.name}-heading`} className="text-xl font-semibold">
              {tag.name}
            </h2>
            <p className="text-sm text-slate-600">{tag.description}</p>
          </div>
          {operations
            .filter((operation) => operation.tags.includes(tag.name))
            .map((operation) => (
              <OperationCard key={operation.operationId} {...operation} />
            ))}
        </section>
      ))}
    </div>
  );
}

function OperationCard(operation: OperationObject & { path: string; method: string }) {
  const body = operation.requestBody?.content["application/json"];
  const responses = Object.entries(operation.responses);
  return (
    <article
      id={operation.operationId}
      data-testid="api-operation"
      aria-labelledby={`${operation.operationId}-title`}
      className="space-y-4 rounded-xl border border-slate-200 bg-surface p-5 shadow-sm"
    >
      <header className="space-y-1">
        <h3 id={`${operation.operationId}-title`} className="flex flex-wrap items-center gap-2 text-base font-semibold">
          <span
            className={`rounded px-2 py-0.5 font-mono text-xs uppercase ring-1 ring-inset ${METHOD_TONE[operation.method]}`}
          >
            {operation.method.toUpperCase()}
          </span>
          <code className="break-all font-mono text-sm">/api/v1{operation.path}</code>
        </h3>
        <p className="font-medium">{operation.summary}</p>
        {operation.description ? (
          <p className="text-sm text-slate-700">
            <Prose text={operation.description} />
          </p>
        ) : null}
        {operation.security.length === 0 ? <p className="text-xs text-slate-600">No API key needed.</p> : null}
      </header>
      {operation.parameters.length > 0 ? (
        <div className="space-y-2">
          <h4 className="text-sm font-semibold">Parameters</h4>
          <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm">
            {operation.parameters.map((parameter) => (
              <div key={`${parameter.in}-${parameter.name}`} className="grid gap-1 px-3 py-2 sm:grid-cols-[12rem_1fr]">
                <dt className="font-mono text-xs">
                  {parameter.name} <span className="text-slate-600">({parameter.in})</span>
                  {parameter.required ? <span className="ml-1 text-red-700">required</span> : null}
                </dt>
                <dd>
                  <span className="font-mono text-xs text-slate-600">{typeLabel(parameter.schema)}</span>
                  {parameter.description ? <p className="text-slate-700">{parameter.description}</p> : null}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
      {body ? (
        <div className="space-y-2">
          <h4 className="text-sm font-semibold">
            Request body (JSON){operation.requestBody?.required ? "" : ", optional"}
          </h4>
          <SchemaFields schema={body.schema} />
          {body.example !== undefined ? <Example value={body.example} /> : null}
        </div>
      ) : null}
      <div className="space-y-2">
        <h4 className="text-sm font-semibold">Responses</h4>
        <ul className="space-y-2 text-sm">
          {responses.map(([status, response]) => {
            const content = response.content?.["application/json"];
            const isSuccess = status.startsWith("2");
            return (
              <li key={status} className="space-y-2">
                <p>
                  <span
                    className={`font-mono text-xs font-semibold ${isSuccess ? "text-emerald-700" : "text-slate-700"}`}
                  >
                    {status}
                  </span>{" "}
                  {response.description}
                  {content && isSuccess ? (
                    <span className="font-mono text-xs text-slate-600"> — {typeLabel(content.schema)}</span>
                  ) : null}
                </p>
                {isSuccess && content?.example !== undefined ? <Example value={content.example} /> : null}
              </li>
            );
          })}
        </ul>
      </div>
    </article>
  );
}
