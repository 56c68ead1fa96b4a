"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { inputClass } from "@/components/field";
import { SlackPreview } from "@/components/slack-preview";
import type { PreviewResult } from "@/lib/channels/preview-template";
import type { AlertTemplate } from "@/lib/templates/alert-template";
import { previewTemplateAction } from "./channel-actions";
import type { EventGroupOption } from "./channel-types";
import { EventTypeSelect } from "./event-type-select";

type Props = {
  webhookId: string;
  kind: "email" | "slack";
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
      {result.email ? (
        <div className="overflow-hidden rounded-md border border-slate-200 bg-surface">
          <p className="border-b border-slate-200 px-3 py-2 text-sm">
            <span className="text-slate-500">Subject:</span>{" "}
            <strong data-testid="preview-subject">{result.email.subject}</strong>
          </p>
          {/* The rendered HTML is shown in a sandbox: no scripts, no access to the dashboard. */}
          <iframe title="Email preview" sandbox="" srcDoc={result.email.html} className="h-80 w-full bg-surface" />
          <details className="border-t border-slate-200 px-3 py-2 text-sm">
            <summary className="cursor-pointer">Plain-text version</summary>
            <pre className="mt-2 whitespace-pre-wrap text-xs">{result.email.text}</pre>
          </details>
        </div>
      ) : null}
      {result.slack ? (
        <div data-testid="preview-slack">
          <SlackPreview message={result.slack} />
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer">Block Kit JSON</summary>
            <pre className="mt-2 overflow-x-auto text-xs">{JSON.stringify(result.slack.blocks, null, 2)}</pre>
          </details>
        </div>
      ) : null}
    </div>
  );
}
