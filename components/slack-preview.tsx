"use client";

import { toHTML } from "slack-markdown";
import type { SlackBlock } from "@/lib/templates/slack-blocks";

// A Slack message as Slack would show it for the JSON Hookbell sends: mrkdwn rendered by slack-markdown
// (bold, italics, strike, code, links, emoji, mentions) and each block laid out as Slack lays it out.
// slack-blocks-to-jsx was tried and not used: it shows an escaped "&lt;!channel&gt;" as a live @channel
// ping, runs plain_text headers through markdown, renders the button without its link, and ships its
// own Tailwind 3 stylesheet and dark theme beside ours.

type Props = {
  message: { text: string; blocks: SlackBlock[] | Record<string, unknown>[] };
  appName?: string;
  /** The time shown beside the app name; now by default. */
  time?: Date;
};

/**
 * Slack mrkdwn as safe HTML: every character of the source is HTML-escaped before markup is added, and
 * links only keep http(s)/mailto targets. Slack's own escapes (&amp; &lt; &gt;) show as the characters
 * they stand for, so a value "<!channel>" (sent as &lt;!channel&gt;) reads as text, as in Slack.
 */
export function mrkdwnToHtml(mrkdwn: string): string {
  const html = toHTML(mrkdwn, { escapeHTML: true, hrefTarget: "_blank", slackCallbacks: MENTIONS });
  // slack-markdown escapes the & of Slack's entities once more; undo exactly that, staying escaped HTML.
  return html.replace(/&amp;(amp|lt|gt);/g, "&$1;");
}

type MentionNode = { id: string; name?: string };

// slack-markdown escapes a mention's label (`<@U1|label>`) but not its id (`<@id>`): the defaults would put
// a template's `<@<img onerror=…>` into the page as markup. The ids are escaped here.
const MENTIONS = {
  user: (node: MentionNode) => `@${node.name || escapeMentionId(node.id)}`,
  channel: (node: MentionNode) => `#${node.name || escapeMentionId(node.id)}`,
  usergroup: (node: MentionNode) => `^${node.name || escapeMentionId(node.id)}`,
};

/** As slack-markdown escapes the rest of the text (named entities), so the result reads the same. */
function escapeMentionId(id: string): string {
  return id.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">" };

/** Text as a notification shows it: Slack's three entities decoded (React escapes the result). */
function fromSlackEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** plain_text with emoji: true: shortcodes become emoji, nothing else is interpreted. */
function PlainText({ text }: { text: string }) {
  const html = text
    .split(/(:[a-z0-9_+-]+:)/i)
    .map((part, index) => (index % 2 === 1 ? mrkdwnToHtml(part) : escapeHtml(part)))
    .join("");
  // biome-ignore lint/security/noDangerouslySetInnerHtml: text escaped, shortcodes through slack-markdown's escaping.
  return <span dangerouslySetInnerHTML={{ __html: html }} />;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

// Styles for the HTML slack-markdown produces, set once on the blocks' container.
const MRKDWN_CLASS = [
  "[&_.s-mrkdwn_a]:text-brand-700 [&_.s-mrkdwn_a]:hover:underline",
  "[&_.s-mrkdwn_code]:rounded [&_.s-mrkdwn_code]:border [&_.s-mrkdwn_code]:border-slate-200",
  "[&_.s-mrkdwn_code]:bg-slate-100 [&_.s-mrkdwn_code]:px-1 [&_.s-mrkdwn_code]:font-mono",
  "[&_.s-mrkdwn_code]:text-[12px] [&_.s-mrkdwn_code]:text-red-700",
  "[&_.s-mrkdwn_pre]:my-1 [&_.s-mrkdwn_pre]:whitespace-pre-wrap [&_.s-mrkdwn_pre]:rounded",
  "[&_.s-mrkdwn_pre]:border [&_.s-mrkdwn_pre]:border-slate-200 [&_.s-mrkdwn_pre]:bg-slate-50 [&_.s-mrkdwn_pre]:p-2",
  "[&_.s-mrkdwn_pre_code]:border-0 [&_.s-mrkdwn_pre_code]:bg-transparent [&_.s-mrkdwn_pre_code]:p-0",
  "[&_.s-mrkdwn_pre_code]:text-slate-800",
  "[&_.s-mrkdwn_blockquote]:border-l-4 [&_.s-mrkdwn_blockquote]:border-slate-300 [&_.s-mrkdwn_blockquote]:pl-3",
  "[&_.s-mention]:rounded [&_.s-mention]:bg-brand-50 [&_.s-mention]:px-0.5 [&_.s-mention]:text-brand-700",
].join(" ");

function Mrkdwn({ text }: { text: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: mrkdwnToHtml escapes all text before adding markup.
  return <div className="s-mrkdwn break-words" dangerouslySetInnerHTML={{ __html: mrkdwnToHtml(text) }} />;
}

function Block({ block }: { block: Record<string, unknown> }) {
  const b = block as SlackBlock;
  if (b.type === "header") {
    return (
      <p className="mt-1 mb-1 text-[18px] font-bold leading-snug text-slate-900" data-block="header">
        <PlainText text={b.text.text} />
      </p>
    );
  }
  if (b.type === "section") {
    return (
      <div className="my-1 space-y-2" data-block="section">
        {b.text ? <Mrkdwn text={b.text.text} /> : null}
        {b.fields ? (
          <div className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
            {b.fields.map((field, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a message's fields never change order.
              <Mrkdwn key={index} text={field.text} />
            ))}
          </div>
        ) : null}
      </div>
    );
  }
  if (b.type === "context") {
    return (
      <div className="my-1 flex flex-wrap items-center gap-x-2 text-[12px] text-slate-500" data-block="context">
        {b.elements.map((element, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a message's elements never change order.
          <Mrkdwn key={index} text={element.text} />
        ))}
      </div>
    );
  }
  if (b.type === "actions") {
    return (
      <div className="mt-2 mb-1 flex flex-wrap gap-2" data-block="actions">
        {b.elements.map((button) => (
          <a
            key={button.action_id}
            href={/^https?:\/\//.test(button.url) ? button.url : undefined}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-surface px-3 text-[13px] font-bold text-slate-800 shadow-xs hover:bg-slate-50"
          >
            <PlainText text={button.text.text} />
          </a>
        ))}
      </div>
    );
  }
  return null;
}

/** A Slack message frame (avatar, app name, APP badge, time) around the message's blocks. */
export function SlackPreview({ message, appName = "Hookbell", time = new Date() }: Props) {
  const blocks = message.blocks as Record<string, unknown>[];
  return (
    <div className="rounded-lg border border-slate-200 bg-surface px-4 py-3 text-[15px] leading-[1.46668] text-slate-800">
      <div className="flex gap-2">
        <div aria-hidden className="flex h-9 w-9 shrink-0 items-center justify-center rounded-md bg-brand-600">
          <svg viewBox="0 0 24 24" className="h-5 w-5 fill-white" role="presentation">
            <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
          </svg>
        </div>
        <div className="min-w-0 flex-1">
          <p className="flex items-baseline gap-1.5">
            <span className="font-bold text-slate-900">{appName}</span>
            <span className="rounded-sm bg-slate-200 px-1 text-[10px] font-semibold leading-[14px] text-slate-600">
              APP
            </span>
            <span className="text-[12px] text-slate-500">
              {time.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" })}
            </span>
          </p>
          <div data-testid="slack-blocks" className={MRKDWN_CLASS}>
            {blocks.length > 0 ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: a message's blocks never change order.
              blocks.map((block, index) => <Block key={index} block={block} />)
            ) : (
              <Mrkdwn text={message.text} />
            )}
          </div>
        </div>
      </div>
      <p className="mt-3 border-t border-slate-100 pt-2 text-[12px] text-slate-500">
        <span className="font-medium">Notification:</span>{" "}
        <span data-testid="slack-notification-text">
          <PlainText text={fromSlackEntities(message.text)} />
        </span>
      </p>
    </div>
  );
}
