import type { SenderCategory } from "./sender";

/** The Connect picker's groups, in the order it shows them. */
export const SENDER_CATEGORIES: readonly { id: SenderCategory; label: string }[] = [
  { id: "auth", label: "Authentication" },
  { id: "payments", label: "Payments" },
  { id: "commerce", label: "Commerce" },
  { id: "developer", label: "Developer tools" },
  { id: "email", label: "Email" },
  { id: "database", label: "Database" },
  { id: "generic", label: "Any application" },
];
