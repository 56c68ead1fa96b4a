import type { SenderDescription } from "./describe-sender";
import { SENDER_CATEGORIES } from "./sender-categories";

function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Whether the Connect picker's search matches a sender: every word typed starts a word of its name, id,
 * keywords or category ("stand" finds Standard Webhooks, "pay" finds Stripe through "payments").
 */
export function matchSender(
  sender: Pick<SenderDescription, "id" | "name" | "keywords" | "category">,
  query: string,
): boolean {
  const words = fold(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const category = SENDER_CATEGORIES.find((entry) => entry.id === sender.category)?.label ?? "";
  const haystack = [sender.name, sender.id, category, sender.category, ...sender.keywords].map(fold).join(" ");
  const joined = fold(sender.name).replace(/ /g, "");
  return words.every(
    (word) => joined.startsWith(word) || haystack.split(" ").some((candidate) => candidate.startsWith(word)),
  );
}
