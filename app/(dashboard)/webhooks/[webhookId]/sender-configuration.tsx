"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { CopyButton } from "@/components/copy-button";
import { inputClass } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { SenderLogo } from "@/components/sender-logo";
import { SubmitButton } from "@/components/submit-button";
import { describeIdempotency, type SenderDescription } from "@/lib/senders/describe-sender";
import { initialSettings, settingsToSend } from "@/lib/senders/settings-values";
import { saveSecretAction } from "../actions";
import { SenderSettingsFields } from "./sender-settings-fields";

type Props = {
  webhookId: string;
  url: string;
  sender: SenderDescription;
  /** Whether this sender is the one saved on the webhook (not just picked). */
  isSaved: boolean;
  secretHint: string | null;
  previousSecretHint: string | null;
  previousSecretExpiresAt: string | null;
  savedSettings: Record<string, unknown> | null;
  onChangeSender: () => void;
};

/** "Stripe’s webhook docs"; "Standard Webhooks docs" for a name that already says webhooks. */
function docsLinkText(name: string): string {
  return /webhook/i.test(name) ? `${name} docs` : `${name}’s webhook docs`;
}

/** After picking: where the URL goes in the sender's dashboard, its secret and settings, and how it deduplicates. */
export function SenderConfiguration({ webhookId, url, sender, ...props }: Props) {
  const [state, action, pending] = useActionState(saveSecretAction.bind(null, webhookId), undefined);
  const [settings, setSettings] = useState(() => initialSettings(sender.settingsFields, props.savedSettings));
  // A refused value stays in the field to be corrected (the answer never carries it back); a saved one is
  // cleared. Uncontrolled, so the secret is never written into the page as an attribute.
  const secretField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state?.ok && secretField.current) secretField.current.value = "";
  }, [state]);
  const label = sender.secret.label;
  // A generic sender (Standard Webhooks) stands for whichever application posts: name that, not the standard.
  const product = sender.category === "generic" ? "the sending application" : sender.name;
  return (
    <div className="mt-3 space-y-6" data-testid="sender-configuration" data-sender={sender.id}>
      <div className="flex flex-wrap items-center gap-3">
        <SenderLogo id={sender.id} name={sender.name} generic={sender.category === "generic"} size="lg" />
        <div className="min-w-0">
          <p className="text-sm text-slate-600">
            {props.isSaved ? "Connected application" : "Connecting"}:{" "}
            <strong className="text-slate-900">{sender.name}</strong>
          </p>
          <a
            href={sender.docsUrl}
            target="_blank"
            rel="noreferrer"
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            {sender.docsLabel ?? docsLinkText(sender.name)} ↗
          </a>
        </div>
        <button
          type="button"
          onClick={props.onChangeSender}
          className="ml-auto text-sm font-medium text-brand-700 hover:underline"
        >
          Change application
        </button>
      </div>

      <div className="space-y-2">
        <label htmlFor="webhook-url" className="block text-sm font-medium">
          Webhook URL
        </label>
        <div className="flex gap-2">
          <input
            id="webhook-url"
            readOnly
            value={url}
            className={`${inputClass} font-mono`}
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton value={url} />
        </div>
        {/^http:\/\/(localhost|127\.)/.test(url) ? (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            This URL points at your own machine, which {product} cannot reach. Expose Hookbell through a tunnel and
            start it with APP_URL set to the public address (see the README, “Exposing localhost”).
          </p>
        ) : null}
        <h3 className="pt-1 text-sm font-medium" id="url-steps-heading">
          Where to paste it in {product}
        </h3>
        <ol aria-labelledby="url-steps-heading" className="list-decimal space-y-1 pl-5 text-sm text-slate-600">
          {sender.urlHelp.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </div>

      <form
        // Submitted by hand: a form `action` resets its fields afterwards, which would empty a refused secret.
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          if (sender.settingsFields.length > 0) {
            form.set("settings", JSON.stringify(settingsToSend(sender.settingsFields, settings)));
          }
          startTransition(() => action(form));
        }}
        className="space-y-3"
      >
        <input type="hidden" name="provider" value={sender.id} />
        {sender.settingsFields.length > 0 ? (
          <SenderSettingsFields
            senderName={sender.name}
            fields={sender.settingsFields}
            values={settings}
            onChange={setSettings}
          />
        ) : null}
        <div className="space-y-2">
          <label htmlFor="signing-secret" className="block text-sm font-medium">
            {props.secretHint ? `Replace ${label.charAt(0).toLowerCase()}${label.slice(1)}` : label}
          </label>
          {props.secretHint ? (
            <p className="text-sm text-slate-600" data-testid="secret-hint">
              Saved secret: <code className="rounded bg-slate-100 px-1.5 py-0.5">{props.secretHint}</code>. A new one
              replaces it; the old one keeps working for 24 hours so nothing is lost while you update {product}.
            </p>
          ) : null}
          {props.previousSecretHint && props.previousSecretExpiresAt ? (
            <p className="text-sm text-amber-700">
              The previous secret <code>{props.previousSecretHint}</code> is still accepted until{" "}
              {props.previousSecretExpiresAt.slice(0, 16).replace("T", " ")} UTC.
            </p>
          ) : null}
          <div className="flex flex-col gap-2 sm:flex-row">
            <input
              id="signing-secret"
              name="secret"
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder={sender.secret.placeholder}
              ref={secretField}
              required
              className={`${inputClass} font-mono`}
              aria-describedby="signing-secret-help"
            />
            <SubmitButton pending={pending} pendingLabel="Saving…" className="shrink-0 whitespace-nowrap">
              Save Configuration
            </SubmitButton>
          </div>
          <p id="signing-secret-help" className="text-xs text-slate-500">
            {sender.secret.help}
          </p>
        </div>
        <FormMessage state={state} />
      </form>

      <p className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-600" data-testid="idempotency-note">
        {describeIdempotency(sender)}
      </p>
    </div>
  );
}
