"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { inputClass } from "@/components/field";
import type { PreviewResult } from "@/lib/channels/preview-template";
import type { AlertTemplate } from "@/lib/templates/alert-template";
import { previewTemplateAction } from "./channel-actions";
import type { EventGroupOption } from "./channel-types";
import { EventTypeSelect } from "./event-type-select";
import { PREVIEWS } from "./previews";

type Props = {
  webhookId: string;
  /** Any kind in the registry; its preview follows the format it renders. */
  kind: string;
  template: AlertTemplate;
  eventType: string;
  onEventTypeChange: (type: string) => void;
  eventGroups: EventGroupOption[];
  /** Problems the dialog already lists (from a save); each problem is shown once. */
  shownElsewhere: string[];
};

type Result = PreviewResult | { ok: false; error: string };

/** "subject, line 2, column 5: message", as the save action words it, so the two lists can be compared. */
function describe(problem: { part: string; line?: number; column?: number; message: string }): string {
  const where = [problem.part, problem.line && `line ${problem.line}`, problem.column && `column ${problem.column}`];
  return `${where.filter(Boolean).join(", ")}: ${problem.message}`;
}

/** Renders the editor's template on the server, exactly as the worker will, and shows the result. */
export function TemplatePreview({
  webhookId,
  kind,
  template,
  eventType,
  onEventTypeChange,
  eventGroups,
  shownElsewhere,
}: Props) {
  const [source, setSource] = useState<"sample" | "latest">("sample");
  // Kept with the input it rendered: after any change to the template, event or data it is out of date
  // and is not shown (its errors may no longer exist).
  const [rendered, setRendered] = useState<{ result: Result; input: string }>();
  const [pending, startTransition] = useTransition();
  const input = { kind, template, eventType, source };
  const inputKey = JSON.stringify(input);
  const result = rendered?.input === inputKey ? rendered.result : undefined;
  const preview = () =>
    startTransition(async () => {
      setRendered({ result: await previewTemplateAction(webhookId, input), input: inputKey });
    });

  return (
    <section aria-label="Template preview" className="space-y-3 rounded-lg bg-slate-50 p-3">
      <div className="flex flex-wrap items-end gap-3">
        <EventTypeSelect
          id="preview-event-type"
          label="Preview with event"
          groups={eventGroups}
          value={eventType}
          onChange={onEventTypeChange}
        />
        <div className="space-y-1.5">
          <label htmlFor="preview-source" className="block text-sm font-medium">
            Data
          </label>
          <select
            id="preview-source"
            className={inputClass}
            value={source}
            onChange={(event) => setSource(event.target.value as "sample" | "latest")}
          >
            <option value="sample">Sample payload</option>
            <option value="latest">Latest real event</option>
          </select>
        </div>
        <Button variant="secondary" onClick={preview} disabled={pending}>
          {pending ? "Rendering…" : "Preview Template"}
        </Button>
      </div>
      {result ? <PreviewOutput result={result} shownElsewhere={shownElsewhere} /> : null}
    </section>
  );
}

function PreviewOutput({ result, shownElsewhere }: { result: Result; shownElsewhere: string[] }) {
  if ("error" in result) {
    return (
      <p role="alert" className="text-sm text-red-700">
        {result.error}
      </p>
    );
  }
  if (!result.ok) {
    const problems = [...new Set(result.problems.map(describe))].filter((problem) => !shownElsewhere.includes(problem));
    if (problems.length === 0) return null;
    return (
      <ul role="alert" className="space-y-1 text-sm text-red-700" data-testid="preview-problems">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    );
  }
  return (
    <div className="space-y-2" data-testid="template-preview">
      <p className="text-xs text-slate-500">{result.source}</p>
      <RenderedMessage format={result.format} message={(result as Record<string, unknown>)[result.format]} />
    </div>
  );
}

/** The alert as its destination shows it (previews.tsx), and for formats sent as JSON the JSON itself. */
function RenderedMessage({ format, message }: { format: string; message: unknown }) {
  if (message === undefined) return null;
  const preview = Object.hasOwn(PREVIEWS, format) ? PREVIEWS[format] : undefined;
  const Shown = preview?.component;
  // null: the format shows its own source (email's plain-text part); unset: the whole message.
  const source = preview?.source === null ? undefined : preview?.source ? preview.source(message as never) : message;
  return (
    <div data-testid={`preview-${format}`}>
      {Shown ? <Shown message={message as never} /> : null}
      {source !== undefined ? (
        <details className="mt-2 text-sm" open={!Shown}>
          <summary className="cursor-pointer">{preview?.sourceLabel ?? "Message JSON"}</summary>
          <pre className="mt-2 overflow-x-auto text-xs">{JSON.stringify(source, null, 2)}</pre>
        </details>
      ) : null}
    </div>
  );
}
