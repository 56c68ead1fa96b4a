"use client";

import type { ComponentType } from "react";
import { TelegramFindChat } from "./telegram-find-chat";

/** What a field's helper gets: where it is, the dialog's current field values, and how to fill its field. */
export type FieldAssistProps = {
  webhookId: string;
  channelId?: string;
  values: Record<string, string>;
  /** Sets the value of the field the helper sits beside. */
  onPick: (value: string) => void;
};

// A kind's form names a helper by id (KindFormField.assist, e.g. Telegram's "Find my chat"); the dialog
// renders it beside that field. Kinds add their entry here; an id without one shows nothing.
export const FIELD_ASSISTS: Record<string, ComponentType<FieldAssistProps>> = {
  "telegram-find-chat": TelegramFindChat,
};
