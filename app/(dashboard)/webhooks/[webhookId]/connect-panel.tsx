"use client";

import { useState } from "react";
import { Button } from "@/components/button";
import { SenderLogo } from "@/components/sender-logo";
import type { SenderDescription } from "@/lib/senders/describe-sender";
import { SenderConfiguration } from "./sender-configuration";
import { SenderPicker } from "./sender-picker";

export type ConnectPanelProps = {
  webhookId: string;
  url: string;
  provider: string | null;
  /** The application picked before any secret was saved (`?connect=` in the URL), so a reload keeps it. */
  chosenProvider: string | null;
  secretHint: string | null;
  previousSecretHint: string | null;
  previousSecretExpiresAt: string | null;
  /** The connected sender's saved settings (never a secret). */
  savedSettings: Record<string, unknown> | null;
  /** Every sender in the registry's order, as plain data. */
  senders: SenderDescription[];
};

export function ConnectPanel(props: ConnectPanelProps) {
  const [choosing, setChoosing] = useState(false);
  const [senderId, setSenderId] = useState(props.provider ?? props.chosenProvider);
  const sender = props.senders.find((option) => option.id === senderId);
  // The choice lives in the URL until a secret is saved: storing it on the webhook would mark it connected
  // (badge, onboarding, audit log) before it can verify anything. Next's router follows replaceState.
  const choose = (id: string | null) => {
    setSenderId(id);
    const url = new URL(window.location.href);
    if (id) url.searchParams.set("connect", id);
    else url.searchParams.delete("connect");
    window.history.replaceState(null, "", url);
  };

  if (!sender && !choosing) {
    return (
      <div className="mt-2 space-y-4">
        <p className="text-sm text-slate-600">
          Connect an application to get the URL it should send events to, then paste its signing secret here.
        </p>
        <div className="flex items-center gap-1.5" aria-hidden="true">
          {props.senders.slice(0, 8).map((option) => (
            <SenderLogo
              key={option.id}
              id={option.id}
              name={option.name}
              generic={option.category === "generic"}
              size="sm"
            />
          ))}
        </div>
        <Button onClick={() => setChoosing(true)}>Connect</Button>
      </div>
    );
  }

  if (!sender) return <SenderPicker senders={props.senders} onPick={choose} />;

  return (
    <SenderConfiguration
      webhookId={props.webhookId}
      url={props.url}
      sender={sender}
      isSaved={props.provider === sender.id}
      secretHint={props.provider === sender.id ? props.secretHint : null}
      previousSecretHint={props.provider === sender.id ? props.previousSecretHint : null}
      previousSecretExpiresAt={props.provider === sender.id ? props.previousSecretExpiresAt : null}
      savedSettings={props.provider === sender.id ? props.savedSettings : null}
      onChangeSender={() => {
        choose(null);
        setChoosing(true);
      }}
    />
  );
}
