import Link from "next/link";
import type { OnboardingStep } from "@/lib/overview/get-onboarding";
import { CopyButton } from "./copy-button";

type StepText = { title: string; detail: string; href?: string; anchor?: string };

/** The steps' words; the connect and test steps name the webhook's sender once one is picked or connected. */
const stepsFor = (sender: string | undefined, isWebhookPage: boolean): Record<OnboardingStep["id"], StepText> => ({
  create: {
    title: "Create a webhook",
    detail: "Manage Webhooks → + Create Webhook. It starts inactive.",
    href: "/webhooks",
  },
  channel: {
    title: "Add a notification channel",
    detail: "Turn on Email or Slack notifications and save the configuration.",
    anchor: "channels-heading",
  },
  connect: sender
    ? {
        title: `Connect ${sender}`,
        detail: `Copy the Webhook URL into ${sender} (the steps are under Application below), then paste its secret here.`,
        anchor: "connect-heading",
      }
    : {
        title: "Connect an application",
        detail: `${isWebhookPage ? "Press Connect under Application below" : "On a webhook’s page press Connect"}, pick the application that sends the events, copy the Webhook URL into it and paste its secret.`,
        anchor: "connect-heading",
      },
  test: {
    title: "Send a test event",
    detail: `${sender ? `Send an event from ${sender}` : "Send an event from the application"}, or use Send test event on the webhook page.`,
    anchor: "test-heading",
  },
  alert: {
    title: "See the alert",
    detail: "Open the event in the Notification Log and check your inbox, the Dev mailbox or Slack.",
    href: "/logs",
  },
});

/** Getting started, ticked off from real state. Anchors jump to the section of the current page. */
export function OnboardingChecklist({
  steps,
  webhookPath,
  webhookUrl,
  senderName,
}: {
  steps: OnboardingStep[];
  webhookPath?: string;
  /** On a webhook's page: its URL, to copy straight from the "Connect …" step. */
  webhookUrl?: string;
  /** On a webhook's page: the application it is connected to, named in the steps. */
  senderName?: string;
}) {
  const texts = stepsFor(senderName, webhookUrl !== undefined);
  const done = steps.filter((step) => step.done).length;
  return (
    <section
      aria-labelledby="onboarding-heading"
      className="rounded-xl border border-brand-100 bg-brand-50 p-5"
      data-testid="onboarding"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="onboarding-heading" className="font-semibold">
          Get your first alert
        </h2>
        <p className="text-sm text-slate-600">
          {done} of {steps.length} done
        </p>
      </div>
      <ol className="mt-3 space-y-2">
        {steps.map((step, index) => {
          const info = texts[step.id];
          const href = info.anchor && webhookPath ? `${webhookPath}#${info.anchor}` : info.href;
          return (
            <li key={step.id} className="flex gap-3" data-testid={`onboarding-${step.id}`} data-done={step.done}>
              <span
                aria-hidden
                className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${step.done ? "bg-emerald-600 text-white" : "border border-slate-300 bg-surface text-slate-500"}`}
              >
                {step.done ? "✓" : index + 1}
              </span>
              <div className="min-w-0 text-sm">
                <p className={step.done ? "text-slate-600 line-through" : "font-medium"}>
                  {href && !step.done ? (
                    <Link href={href} className="text-brand-700 hover:underline">
                      {info.title}
                    </Link>
                  ) : (
                    info.title
                  )}
                  <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
                </p>
                {!step.done ? <p className="text-slate-600">{info.detail}</p> : null}
                {!step.done && step.id === "connect" && webhookUrl ? (
                  <div className="mt-2 flex max-w-xl items-center gap-2">
                    <code className="min-w-0 flex-1 truncate rounded-md border border-slate-200 bg-surface px-2 py-1.5 text-xs">
                      {webhookUrl}
                    </code>
                    <CopyButton value={webhookUrl} label="Copy URL" />
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
