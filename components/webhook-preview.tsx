"use client";

import type { ReactNode } from "react";
import type { WebhookRequest } from "@/lib/templates/render-webhook";

// The HTTP request a signed webhook sends, as a request inspector shows it. Built from React elements
// only: the body is event data, so it is never handed to the page as HTML.

const INDENT = "  ";

function jsonNodes(value: unknown, indent: string, key: string): ReactNode {
  if (value === null) return <span className="text-slate-500">null</span>;
  if (typeof value === "string") return <span className="text-emerald-700">{JSON.stringify(value)}</span>;
  if (typeof value === "number" || typeof value === "boolean") {
    return <span className="text-amber-700">{String(value)}</span>;
  }
  const isArray = Array.isArray(value);
  const entries = isArray
    ? (value as unknown[]).map((item, i) => [String(i), item] as const)
    : Object.entries(value as object);
  const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return `${open}${close}`;
  const inner = indent + INDENT;
  return (
    <>
      {open}
      {entries.map(([name, item], i) => (
        <span key={`${key}.${name}`}>
          {"\n"}
          {inner}
          {isArray ? null : (
            <>
              <span className="text-sky-700">{JSON.stringify(name)}</span>:{" "}
            </>
          )}
          {jsonNodes(item, inner, `${key}.${name}`)}
          {i < entries.length - 1 ? "," : ""}
        </span>
      ))}
      {"\n"}
      {indent}
      {close}
    </>
  );
}

export function WebhookPreview({ message }: { message: WebhookRequest }) {
  let body: ReactNode;
  try {
    body = jsonNodes(JSON.parse(message.body), "", "$");
  } catch {
    body = message.body;
  }
  const headers: [string, string][] = [
    ["content-type", "application/json"],
    ["user-agent", "Hookbell-Webhooks/1"],
    ["webhook-id", "msg_… (the same on every retry)"],
    ["webhook-timestamp", "… (Unix seconds, per attempt)"],
    ["webhook-signature", "v1,… (signed when sent)"],
  ];
  return (
    <div className="overflow-hidden rounded-lg border border-slate-300 bg-white font-mono text-xs text-slate-800">
      <div className="flex items-center gap-2 border-b border-slate-200 bg-slate-50 px-3 py-2">
        <span className="rounded bg-emerald-600 px-1.5 py-0.5 font-semibold text-white">POST</span>
        <span className="text-slate-600">&lt;your endpoint&gt;</span>
        <span className="ml-auto font-sans text-slate-500">
          {message.custom ? "Your JSON body" : "The event as received, in Hookbell's envelope"}
        </span>
      </div>
      <dl className="border-b border-slate-200 px-3 py-2">
        {headers.map(([name, value]) => (
          <div key={name} className="flex gap-2">
            <dt className="text-sky-700">{name}:</dt>
            <dd className="text-slate-600">{value}</dd>
          </div>
        ))}
      </dl>
      <pre className="max-h-96 overflow-auto whitespace-pre px-3 py-2">{body}</pre>
    </div>
  );
}
