"use client";

import type { ReactNode } from "react";
import type { TelegramMessage } from "@/lib/templates/render-telegram";
import { parseTelegramHtml, type TelegramTag, type TelegramToken } from "@/lib/templates/telegram-html";

// A Telegram chat in its light theme: the patterned green background, the bot's white bubble with its tail,
// the bot's name on top and the time inside the bubble. The message's HTML becomes React elements through
// the same tokenizer the renderer checks it with: no HTML string ever reaches the page.

const STYLE: Partial<Record<TelegramTag, string>> = {
  b: "font-semibold",
  strong: "font-semibold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "line-through",
  strike: "line-through",
  del: "line-through",
  "tg-spoiler": "rounded bg-slate-300 text-transparent hover:text-inherit",
  code: "rounded bg-slate-100 px-1 font-mono text-[13px] text-[#c7254e]",
  pre: "my-1 block whitespace-pre-wrap rounded bg-slate-100 p-2 font-mono text-[13px]",
  blockquote: "my-1 block border-l-[3px] border-[#3390ec] bg-[#3390ec]/10 py-0.5 pl-2",
};

type Node = { tag?: TelegramTag; href?: string; children: (Node | string)[] };

function toTree(tokens: TelegramToken[]): Node {
  const root: Node = { children: [] };
  const stack = [root];
  for (const token of tokens) {
    const top = stack[stack.length - 1];
    if (token.type === "text") top.children.push(token.text);
    else if (token.type === "open") {
      const node: Node = { tag: token.tag, href: token.href, children: [] };
      top.children.push(node);
      stack.push(node);
    } else if (stack.length > 1) stack.pop();
  }
  return root;
}

function render(node: Node | string, key: number): ReactNode {
  if (typeof node === "string") return node;
  const children = node.children.map(render);
  if (node.tag === "a") {
    // Only web links are followed from the preview; a tg:// or javascript: href shows as text colour only.
    const safe = /^https?:\/\//i.test(node.href ?? "") ? node.href : undefined;
    return (
      <a key={key} href={safe} target="_blank" rel="noreferrer" className="text-[#168acd] hover:underline">
        {children}
      </a>
    );
  }
  const Tag = node.tag === "code" ? "code" : "span";
  return (
    <Tag key={key} className={node.tag ? STYLE[node.tag] : undefined}>
      {children}
    </Tag>
  );
}

function parse(text: string): Node {
  try {
    return toTree(parseTelegramHtml(text));
  } catch {
    // The renderer only emits HTML that parses; anything else is shown as the raw text it is.
    return { children: [text] };
  }
}

export function TelegramPreview({ message, botName = "Hookbell" }: { message: TelegramMessage; botName?: string }) {
  const tree = parse(message.text);
  const time = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return (
    <div
      className="rounded-lg p-4"
      style={{
        backgroundColor: "#c6de9a",
        backgroundImage: "linear-gradient(135deg, #d5e5a4 0%, #9cc99b 50%, #8fbf9a 100%)",
        fontFamily: '"Roboto", -apple-system, "Segoe UI", "Helvetica Neue", sans-serif',
      }}
    >
      <div className="flex items-end gap-2">
        <div className="flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-gradient-to-b from-[#72d5fd] to-[#2a9ef1] text-sm font-semibold text-white">
          {botName.slice(0, 1).toUpperCase()}
        </div>
        <div className="relative max-w-[34rem] rounded-2xl rounded-bl-none bg-white px-3 pt-1.5 pb-1 text-[15px] leading-[1.35] text-black shadow-sm">
          <svg aria-hidden viewBox="0 0 11 20" className="absolute -left-[9px] bottom-0 h-5 w-[11px] fill-white">
            <path d="M11 0v20H0c5-2 9-7 11-20z" />
          </svg>
          <div className="text-sm font-medium text-[#3390ec]">
            {botName} <span className="text-xs font-normal text-slate-400">bot</span>
          </div>
          <div className="whitespace-pre-wrap break-words">{tree.children.map(render)}</div>
          <div className="float-right -mb-0.5 ml-2 mt-0.5 text-xs text-[#a0acb6]">{time}</div>
          <div className="clear-both" />
        </div>
      </div>
    </div>
  );
}
