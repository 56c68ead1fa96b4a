"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/button";
import { CopyButton } from "@/components/copy-button";
import { inputClass } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { saveSecretAction } from "../actions";

type ProviderOption = { id: string; name: string; secretHelp: string; urlHelp: string[] };

type Props = {
  webhookId: string;
  url: string;
  provider: string | null;
  /** The application picked before any secret was saved (`?connect=` in the URL), so a reload keeps it. */
  chosenProvider: string | null;
  secretHint: string | null;
  previousSecretHint: string | null;
  previousSecretExpiresAt: string | null;
  providers: ProviderOption[];
};

export function ConnectPanel(props: Props) {
  const [choosing, setChoosing] = useState(false);
  const [providerId, setProviderId] = useState(props.provider ?? props.chosenProvider);
  const provider = props.providers.find((option) => option.id === providerId);
  // The choice lives in the URL until a secret is saved: storing it on the webhook would mark it connected
  // (badge, onboarding, audit log) before it can verify anything. Next's router follows replaceState.
  const choose = (id: string | null) => {
    setProviderId(id);
    const url = new URL(window.location.href);
    if (id) url.searchParams.set("connect", id);
    else url.searchParams.delete("connect");
    window.history.replaceState(null, "", url);
  };

  if (!provider && !choosing) {
    return (
      <div className="mt-2 space-y-4">
        <p className="text-sm text-slate-600">
          Connect an application to get the URL it should send events to, then paste its signing secret here.
        </p>
        <Button onClick={() => setChoosing(true)}>Connect</Button>
      </div>
    );
  }

  if (!provider) {
    return (
      <fieldset className="mt-3 space-y-3">
        <legend className="text-sm text-slate-600">Which application sends the events?</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {props.providers.map((option) => (
            <button
              key={option.id}
              type="button"
              onClick={() => choose(option.id)}
              className="rounded-lg border border-slate-300 p-4 text-left hover:border-brand-500 hover:bg-brand-50"
            >
              <span className="font-medium">{option.name}</span>
            </button>
          ))}
        </div>
      </fieldset>
    );
  }

  return (
    <ConfigurationPanel
      {...props}
      provider={provider}
      onChangeProvider={() => {
        choose(null);
        setChoosing(true);
      }}
    />
  );
}

function ConfigurationPanel({
  webhookId,
  url,
  provider,
  secretHint,
  previousSecretHint,
  previousSecretExpiresAt,
  onChangeProvider,
}: Omit<Props, "provider" | "providers"> & { provider: ProviderOption; onChangeProvider: () => void }) {
  const [state, action, pending] = useActionState(saveSecretAction.bind(null, webhookId), undefined);
  // A refused value stays in the field to be corrected (the answer never carries it back); a saved one is
  // cleared. Uncontrolled, so the secret is never written into the page as an attribute.
  const secretField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state?.ok && secretField.current) secretField.current.value = "";
  }, [state]);
  return (
    <div className="mt-3 space-y-6">
      <p className="text-sm text-slate-600">
        Connected application: <strong className="text-slate-900">{provider.name}</strong>{" "}
        <button type="button" onClick={onChangeProvider} className="text-brand-700 hover:underline">
          change
        </button>
      </p>

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
            This URL points at your own machine, which {provider.name} cannot reach. Expose Hookbell through a tunnel
            and start it with APP_URL set to the public address (see the README, “Exposing localhost”).
          </p>
        ) : null}
        <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-600">
          {provider.urlHelp.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </div>

      <form
        // Submitted by hand: a form `action` resets its fields afterwards, which would empty a refused secret.
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          startTransition(() => action(form));
        }}
        className="space-y-2"
      >
        <input type="hidden" name="provider" value={provider.id} />
        <label htmlFor="signing-secret" className="block text-sm font-medium">
          {secretHint ? "Replace signing secret" : "Signing Secret"}
        </label>
        {secretHint ? (
          <p className="text-sm text-slate-600" data-testid="secret-hint">
            Saved secret: <code className="rounded bg-slate-100 px-1.5 py-0.5">{secretHint}</code>. A new one replaces
            it; the old one keeps working for 24 hours so nothing is lost while you update {provider.name}.
          </p>
        ) : null}
        {previousSecretHint && previousSecretExpiresAt ? (
          <p className="text-sm text-amber-700">
            The previous secret <code>{previousSecretHint}</code> is still accepted until{" "}
            {previousSecretExpiresAt.slice(0, 16).replace("T", " ")} UTC.
          </p>
        ) : null}
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id="signing-secret"
            name="secret"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="whsec_…"
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
          {provider.secretHelp}
        </p>
        <FormMessage state={state} />
      </form>
    </div>
  );
}
