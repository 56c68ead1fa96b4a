"use client";

import { parse } from "discord-markdown-parser";
import type { CSSProperties, ReactNode } from "react";
import type { DiscordEmbed, DiscordMessage } from "@/lib/templates/render-discord";

// A Discord message as Discord's dark theme shows the JSON Hookbell sends: the webhook's name with its
// APP badge, the content, and the embed (coloured bar, linked title, description, inline fields three
// to a row, footer and time). Markdown is parsed with Discord's own grammar (discord-markdown-parser)
// and built as React elements, so no text ever becomes HTML. The colours are Discord's, not our
// palette: the preview must look like Discord in the dashboard's light and dark modes alike.

const DISCORD = {
  background: "#313338",
  embed: "#2b2d31",
  text: "#dbdee1",
  heading: "#f2f3f5",
  muted: "#949ba4",
  link: "#00a8fc",
  code: "#1e1f22",
  blurple: "#5865f2",
  mention: "rgba(88, 101, 242, 0.3)",
} as const;

const FONT = '"gg sans", "Noto Sans", "Helvetica Neue", Helvetica, Arial, sans-serif';

type MarkdownNode = {
  type: string;
  content?: unknown;
  target?: string;
  lang?: string;
  level?: number;
  timestamp?: string;
  format?: string;
  id?: string;
  name?: string;
};

/** Discord markdown as React elements; links keep only http(s) targets. */
function Markdown({ text }: { text: string }) {
  return <>{renderNodes(parse(text, "extended") as MarkdownNode[], "m")}</>;
}

function renderNodes(nodes: MarkdownNode[], prefix: string): ReactNode[] {
  return nodes.map((node, index) => renderNode(node, `${prefix}.${index}`));
}

function children(node: MarkdownNode, key: string): ReactNode {
  if (typeof node.content === "string") return node.content;
  return Array.isArray(node.content) ? renderNodes(node.content as MarkdownNode[], key) : null;
}

function renderNode(node: MarkdownNode, key: string): ReactNode {
  const inner = children(node, key);
  switch (node.type) {
    case "text":
    case "escape":
      return inner;
    case "br":
      return <br key={key} />;
    case "strong":
      return (
        <strong key={key} className="font-bold">
          {inner}
        </strong>
      );
    case "em":
      return <em key={key}>{inner}</em>;
    case "underline":
      return (
        <u key={key} className="underline">
          {inner}
        </u>
      );
    case "strikethrough":
      return <s key={key}>{inner}</s>;
    case "spoiler":
      return (
        <span key={key} className="rounded-[3px] px-0.5" style={{ background: "#1e1f22", color: "#1e1f22" }}>
          {inner}
        </span>
      );
    case "inlineCode":
      return (
        <code key={key} className="rounded-[3px] px-[0.2em] font-mono text-[85%]" style={{ background: DISCORD.code }}>
          {inner}
        </code>
      );
    case "codeBlock":
      return (
        <pre
          key={key}
          className="my-1 whitespace-pre-wrap rounded-[4px] border p-2 font-mono text-[14px]"
          style={{ background: DISCORD.embed, borderColor: DISCORD.code }}
        >
          {inner}
        </pre>
      );
    case "blockQuote":
      return (
        <div key={key} className="my-0.5 border-l-4 pl-3" style={{ borderColor: "#4e5058" }}>
          {inner}
        </div>
      );
    case "heading": {
      const size = node.level === 1 ? "text-[24px]" : node.level === 2 ? "text-[20px]" : "text-[16px]";
      return (
        <div key={key} className={`my-1 font-bold leading-tight ${size}`} style={{ color: DISCORD.heading }}>
          {inner}
        </div>
      );
    }
    case "subtext":
      return (
        <div key={key} className="text-[12px]" style={{ color: DISCORD.muted }}>
          {inner}
        </div>
      );
    case "url":
    case "autolink":
    case "link":
      return <SafeLink key={key} href={node.target} label={inner} />;
    case "everyone":
    case "here":
      return <Mention key={key} label={`@${node.type}`} />;
    case "user":
      return <Mention key={key} label="@user" />;
    case "role":
      return <Mention key={key} label="@role" />;
    case "channel":
      return <Mention key={key} label="#channel" />;
    case "emoji":
      return `:${node.name ?? "emoji"}:`;
    case "timestamp":
      return <Mention key={key} label={formatStamp(node.timestamp)} />;
    default:
      return inner;
  }
}

function SafeLink({ href, label }: { href?: string; label: ReactNode }) {
  if (!href || !/^https?:\/\//i.test(href)) return <>{label}</>;
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="hover:underline"
      style={{ color: DISCORD.link }}
    >
      {label}
    </a>
  );
}

function Mention({ label }: { label: string }) {
  return (
    <span className="rounded-[3px] px-0.5 font-medium" style={{ background: DISCORD.mention, color: "#c9cdfb" }}>
      {label}
    </span>
  );
}

function formatStamp(seconds?: string): string {
  const date = new Date(Number(seconds) * 1000);
  return Number.isNaN(date.getTime()) ? "timestamp" : date.toLocaleString("en-US");
}

function formatTime(date: Date): string {
  return date.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" });
}

function hex(color: number): string {
  return `#${color.toString(16).padStart(6, "0")}`;
}

function Embed({ embed }: { embed: DiscordEmbed }) {
  const time = embed.timestamp ? new Date(embed.timestamp) : null;
  return (
    <div
      data-testid="discord-embed"
      className="mt-1 grid max-w-[520px] rounded-[4px] border-l-4 py-2 pr-4 pl-3"
      style={{ background: DISCORD.embed, borderColor: hex(embed.color) } as CSSProperties}
    >
      {embed.title ? (
        <div className="mt-0.5 text-[16px] font-semibold leading-snug" style={{ color: DISCORD.heading }}>
          {embed.url && /^https?:\/\//.test(embed.url) ? (
            <a
              href={embed.url}
              target="_blank"
              rel="noopener noreferrer"
              className="hover:underline"
              style={{ color: DISCORD.link }}
            >
              <Markdown text={embed.title} />
            </a>
          ) : (
            <Markdown text={embed.title} />
          )}
        </div>
      ) : null}
      {embed.description ? (
        <div className="mt-2 whitespace-pre-wrap break-words text-[14px] leading-[1.125rem]">
          <Markdown text={embed.description} />
        </div>
      ) : null}
      {embed.fields.length > 0 ? (
        <div className="mt-2 grid grid-cols-3 gap-x-4 gap-y-2">
          {embed.fields.map((field, index) => (
            <div
              // biome-ignore lint/suspicious/noArrayIndexKey: a message's fields never change order.
              key={index}
              className={`min-w-0 text-[14px] leading-[1.125rem] ${field.inline ? "col-span-1" : "col-span-3"}`}
            >
              <div className="mb-0.5 font-semibold" style={{ color: DISCORD.heading }}>
                <Markdown text={field.name} />
              </div>
              <div className="whitespace-pre-wrap break-words">
                <Markdown text={field.value} />
              </div>
            </div>
          ))}
        </div>
      ) : null}
      {embed.footer.text || time ? (
        <div className="mt-2 flex flex-wrap items-center gap-1 text-[12px]" style={{ color: DISCORD.muted }}>
          {/* Discord shows footers as plain text. */}
          <span>{embed.footer.text}</span>
          {embed.footer.text && time ? <span aria-hidden>•</span> : null}
          {time ? <span>{`Today at ${formatTime(time)}`}</span> : null}
        </div>
      ) : null}
    </div>
  );
}

/** One Discord message from a webhook, as a server member sees it in the dark theme. */
export function DiscordPreview({ message, time = new Date() }: { message: DiscordMessage; time?: Date }) {
  return (
    <div
      data-testid="discord-preview"
      className="rounded-lg px-4 py-3 text-[16px] leading-[1.375rem]"
      style={{ background: DISCORD.background, color: DISCORD.text, fontFamily: FONT }}
    >
      <div className="flex gap-4">
        <div
          aria-hidden
          className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full"
          style={{ background: DISCORD.blurple }}
        >
          <svg viewBox="0 0 24 24" className="h-5 w-5 fill-white" role="presentation">
            <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
          </svg>
        </div>
        <div className="min-w-0 flex-1">
          <p className="flex items-center gap-1.5">
            <span className="font-medium" style={{ color: DISCORD.heading }}>
              {message.username}
            </span>
            <span
              className="rounded-[3px] px-[0.275rem] text-[10px] font-semibold leading-[15px] text-white"
              style={{ background: DISCORD.blurple }}
            >
              APP
            </span>
            <span className="ml-1 text-[12px]" style={{ color: DISCORD.muted }}>
              {`Today at ${formatTime(time)}`}
            </span>
          </p>
          {message.content ? (
            <div data-testid="discord-content" className="whitespace-pre-wrap break-words">
              <Markdown text={message.content} />
            </div>
          ) : null}
          {message.embeds.map((embed, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a message's embeds never change order.
            <Embed key={index} embed={embed} />
          ))}
        </div>
      </div>
    </div>
  );
}
