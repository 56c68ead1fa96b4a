"use client";

import { useState, useTransition } from "react";
import type { TelegramChat } from "@/lib/channels/telegram-chats";
import { findTelegramChatsAction } from "./telegram-actions";

type Props = { webhookId: string; channelId?: string; values: Record<string, string>; onPick: (value: string) => void };

/** Lists the chats that recently messaged the bot, so the chat id is picked instead of hunted for. */
export function TelegramFindChat({ webhookId, channelId, values, onPick }: Props) {
  const [chats, setChats] = useState<TelegramChat[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  const find = () =>
    startTransition(async () => {
      setError(null);
      const result = await findTelegramChatsAction(webhookId, { botToken: values.botToken ?? "", channelId });
      setChats(result.chats ?? null);
      if (result.error) setError(result.error);
    });

  return (
    <div className="mt-2 space-y-2 text-sm">
      <button
        type="button"
        onClick={find}
        disabled={isPending}
        className="rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-50 disabled:opacity-60"
      >
        {isPending ? "Asking Telegram…" : "Find my chat"}
      </button>
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
      {chats && chats.length === 0 ? (
        <p className="text-slate-600">
          No chats yet: send the bot a message in the chat (or post in the channel), then try again.
        </p>
      ) : null}
      {chats && chats.length > 0 ? (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {chats.map((chat) => (
            <li key={chat.id}>
              <button
                type="button"
                onClick={() => onPick(chat.id)}
                className="flex w-full items-center justify-between gap-3 px-3 py-2 text-left hover:bg-slate-50"
              >
                <span className="font-medium">{chat.title}</span>
                <span className="text-xs text-slate-500">
                  {chat.type} · {chat.id}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
