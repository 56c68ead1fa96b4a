// Readers of Clerk objects for the `primaryEmail` and `fullName` helpers. Template data is untrusted
// JSON, so every field is checked before use and any other shape yields "".

type Fields = Record<string, unknown>;

function asFields(value: unknown): Fields | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Fields) : undefined;
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/**
 * The primary address of a Clerk user (the `email_addresses` entry whose id is
 * `primary_email_address_id`), else its first address, else an `email_address` field
 * (invitations, waitlist entries, email address objects).
 */
export function primaryEmail(user: unknown): string {
  const fields = asFields(user);
  if (!fields) return "";
  const addresses = Array.isArray(fields.email_addresses) ? fields.email_addresses.map(asFields) : [];
  const primaryId = fields.primary_email_address_id;
  const primary = addresses.find((entry) => entry && primaryId && entry.id === primaryId);
  for (const entry of [primary, ...addresses]) {
    const address = text(entry?.email_address);
    if (address) return address;
  }
  return text(fields.email_address) || text(fields.to_email_address);
}

function joinName(fields: Fields | undefined): string {
  return [text(fields?.first_name), text(fields?.last_name)].filter(Boolean).join(" ");
}

/**
 * "First Last" of a Clerk user, falling back to its username, then its primary email; for
 * memberships, the names (else identifier) in `public_user_data`.
 */
export function fullName(user: unknown): string {
  const fields = asFields(user);
  if (!fields) return "";
  const publicData = asFields(fields.public_user_data);
  return (
    joinName(fields) ||
    text(fields.username) ||
    primaryEmail(fields) ||
    joinName(publicData) ||
    text(publicData?.username) ||
    text(publicData?.identifier)
  );
}

/**
 * "Ada Lovelace (ada@example.com)": the full name with the primary email beside it, the address alone when
 * the name is only the address (fullName falls back to it), else whichever of the two there is.
 */
export function nameWithEmail(user: unknown): string {
  const name = fullName(user);
  const email = primaryEmail(user);
  return name && email && name !== email ? `${name} (${email})` : name || email;
}
