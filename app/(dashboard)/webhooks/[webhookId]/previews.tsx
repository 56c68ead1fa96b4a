"use client";

import type { ComponentType } from "react";
import { SlackPreview } from "@/components/slack-preview";
import type { RenderedEmail } from "@/lib/templates/render-email";

/** A rendered alert as its destination shows it; `message` is the format's render result. */
export type Preview = {
  component: ComponentType<{ message: never }>;
  /** The JSON shown under "view source"; unset: the whole message (email has its plain-text part instead). */
  source?: ((message: never) => unknown) | null;
  /** The disclosure's label: "Block Kit JSON". */
  sourceLabel?: string;
};

function EmailPreview({ message }: { message: RenderedEmail }) {
  return (
    <div className="overflow-hidden rounded-md border border-slate-200 bg-surface">
      <p className="border-b border-slate-200 px-3 py-2 text-sm">
        <span className="text-slate-500">Subject:</span>{" "}
        <strong data-testid="preview-subject">{message.subject}</strong>
      </p>
      {/* The rendered HTML is shown in a sandbox: no scripts, no access to the dashboard. */}
      <iframe title="Email preview" sandbox="" srcDoc={message.html} className="h-80 w-full bg-surface" />
      <details className="border-t border-slate-200 px-3 py-2 text-sm">
        <summary className="cursor-pointer">Plain-text version</summary>
        <pre className="mt-2 whitespace-pre-wrap text-xs">{message.text}</pre>
      </details>
    </div>
  );
}

// Keyed by template format id (lib/templates/template-formats.ts). A format without an entry previews
// as its JSON only, so a new kind shows something before its preview component exists.
export const PREVIEWS: Record<string, Preview> = {
  email: { component: EmailPreview as Preview["component"], source: null },
  slack: {
    component: SlackPreview as Preview["component"],
    source: ((message: { blocks: unknown }) => message.blocks) as Preview["source"],
    sourceLabel: "Block Kit JSON",
  },
};
