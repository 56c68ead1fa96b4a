"use client";

import { useEffect, useRef, useState } from "react";
import type { TeamsMessage } from "@/lib/templates/teams-card";
import { teamsMarkdownToHtml } from "@/lib/templates/teams-markdown";

// A Teams alert as a Teams channel shows it: the card drawn by Microsoft's own Adaptive Card renderer
// (adaptivecards, loaded in the browser only), with Teams' light theme (Segoe UI, its greys and purple),
// inside a channel post from the Workflows app. Markdown goes through teamsMarkdownToHtml, which escapes
// all text before adding markup, so nothing in an event can become HTML here.

type Props = {
  message: TeamsMessage;
  /** The time shown beside "Workflows"; now by default. */
  time?: Date;
};

/** Teams' light theme for Adaptive Cards, as close as the host config describes it. */
export const TEAMS_HOST_CONFIG = {
  fontFamily: '"Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif',
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 12, large: 16, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: "#E0E0E0" },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  containerStyles: {
    default: {
      backgroundColor: "#FFFFFF",
      foregroundColors: {
        default: { default: "#242424", subtle: "#616161" },
        accent: { default: "#5B5FC7", subtle: "#7F85F5" },
        good: { default: "#0E700E", subtle: "#13A10E" },
        warning: { default: "#835B00", subtle: "#C19C00" },
        attention: { default: "#C4314B", subtle: "#D13438" },
        dark: { default: "#242424", subtle: "#424242" },
        light: { default: "#FFFFFF", subtle: "#F5F5F5" },
      },
    },
  },
  actions: {
    maxActions: 6,
    spacing: "default",
    buttonSpacing: 8,
    actionsOrientation: "horizontal",
    actionAlignment: "left",
  },
  factSet: {
    title: { color: "default", size: "default", weight: "bolder", wrap: true, maxWidth: 150 },
    value: { color: "default", size: "default", weight: "default", wrap: true },
    spacing: 8,
  },
};

function AdaptiveCardView({ message }: { message: TeamsMessage }) {
  const target = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const content = message.attachments[0]?.content;

  useEffect(() => {
    let cancelled = false;
    const host = target.current;
    // The renderer touches the DOM as it loads: imported here, in the browser, never on the server.
    void import("adaptivecards")
      .then((AC) => {
        if (cancelled || !host) return;
        AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
          result.outputHtml = teamsMarkdownToHtml(text);
          result.didProcess = true;
        };
        const card = new AC.AdaptiveCard();
        card.hostConfig = new AC.HostConfig(TEAMS_HOST_CONFIG);
        card.onExecuteAction = (action) => {
          if (action instanceof AC.OpenUrlAction && action.url && /^https?:\/\//.test(action.url)) {
            window.open(action.url, "_blank", "noopener,noreferrer");
          }
        };
        card.parse(content);
        const rendered = card.render();
        host.replaceChildren(...(rendered ? [rendered] : []));
        setFailed(!rendered);
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      host?.replaceChildren();
    };
  }, [content]);

  return (
    <>
      <div ref={target} data-card="adaptive" className={CARD_CLASS} />
      {failed ? <p className="p-4 text-[14px] text-slate-700">{message.summary}</p> : null}
    </>
  );
}

// The renderer draws buttons as bare <button class="ac-pushButton">: Teams' outlined button look.
const CARD_CLASS = [
  "[&_.ac-pushButton]:h-8 [&_.ac-pushButton]:cursor-pointer [&_.ac-pushButton]:rounded [&_.ac-pushButton]:border",
  "[&_.ac-pushButton]:border-[#D1D1D1] [&_.ac-pushButton]:bg-white [&_.ac-pushButton]:px-3",
  "[&_.ac-pushButton]:text-[14px] [&_.ac-pushButton]:font-semibold [&_.ac-pushButton]:text-[#242424]",
  "[&_.ac-pushButton:hover]:bg-[#F5F5F5] [&_a]:text-[#5B5FC7] [&_a:hover]:underline",
  "[&_p]:m-0 [&_ul]:my-1 [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:my-1 [&_ol]:list-decimal [&_ol]:pl-5",
].join(" ");

function formatTime(time: Date): string {
  return time.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
}

/** A Teams channel post from the Workflows app around the alert's Adaptive Card. */
export function TeamsPreview({ message, time = new Date() }: Props) {
  return (
    <div
      className="rounded-lg bg-[#F5F5F5] p-3 text-[14px] text-[#242424]"
      style={{ fontFamily: TEAMS_HOST_CONFIG.fontFamily }}
    >
      <div className="rounded-md bg-white px-4 py-3 shadow-[0_1px_2px_rgba(0,0,0,0.14),0_0_2px_rgba(0,0,0,0.12)]">
        <div className="flex items-center gap-2">
          <div aria-hidden className="flex h-8 w-8 shrink-0 items-center justify-center rounded-md bg-[#5B5FC7]">
            <svg viewBox="0 0 24 24" className="h-[18px] w-[18px] fill-white" role="presentation">
              <path d="M6 3a3 3 0 0 0-1 5.83V15a4 4 0 0 0 4 4h6.17A3 3 0 1 0 15.17 17H9a2 2 0 0 1-2-2v-2h8.17a3 3 0 1 0 0-2H7V8.83A3 3 0 0 0 6 3Z" />
            </svg>
          </div>
          <div className="flex min-w-0 items-baseline gap-2">
            <span className="font-semibold">Workflows</span>
            <span className="text-[12px] text-[#616161]">{formatTime(time)}</span>
          </div>
        </div>
        <div className="mt-2 overflow-hidden rounded-md border border-[#E0E0E0]">
          <AdaptiveCardView message={message} />
        </div>
        <p className="mt-2 text-[12px] text-[#616161]">Hookbell used a Workflow template to send this card.</p>
      </div>
    </div>
  );
}
