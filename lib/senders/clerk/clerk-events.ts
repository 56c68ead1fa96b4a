// The Clerk webhook event types Hookbell knows by name, grouped as in the Clerk Dashboard. Events of
// other types are still accepted and logged; this list only drives pickers, presets and samples.

export type EventGroup = { id: string; name: string; types: { type: string; description: string }[] };

export const CLERK_EVENT_GROUPS: readonly EventGroup[] = [
  {
    id: "user",
    name: "User",
    types: [
      { type: "user.created", description: "A new user signed up" },
      { type: "user.updated", description: "A user's profile changed" },
      { type: "user.deleted", description: "A user was deleted" },
      // Not in Clerk's SDK types (clerk/javascript Webhooks.ts), but in the product walkthrough's list
      // of Clerk events: a user locked out after too many failed sign-in attempts.
      { type: "user.locked", description: "A user was locked out after too many failed sign-ins" },
    ],
  },
  {
    id: "session",
    name: "Session",
    types: [
      { type: "session.created", description: "A user signed in" },
      { type: "session.ended", description: "A user signed out" },
      { type: "session.removed", description: "A session was removed" },
      { type: "session.revoked", description: "A session was revoked" },
      { type: "session.pending", description: "A session is waiting on a pending task" },
    ],
  },
  {
    id: "authentication",
    name: "Authentication",
    types: [
      { type: "email.created", description: "Clerk sent an email" },
      { type: "sms.created", description: "Clerk sent a text message" },
      { type: "emailAddress.created", description: "An email address was added" },
      { type: "emailAddress.verified", description: "An email address was verified" },
      { type: "phoneNumber.created", description: "A phone number was added" },
      { type: "phoneNumber.verified", description: "A phone number was verified" },
      { type: "password.created", description: "A user set a password" },
      { type: "password.reset", description: "A user reset their password" },
    ],
  },
  {
    id: "organization",
    name: "Organization",
    types: [
      { type: "organization.created", description: "A new organization was created" },
      { type: "organization.updated", description: "An organization changed" },
      { type: "organization.deleted", description: "An organization was deleted" },
      { type: "organizationDomain.created", description: "A domain was added to an organization" },
      { type: "organizationDomain.updated", description: "An organization domain changed" },
      { type: "organizationDomain.deleted", description: "A domain was removed from an organization" },
    ],
  },
  {
    id: "membership",
    name: "Membership",
    types: [
      { type: "organizationMembership.created", description: "A user joined an organization" },
      { type: "organizationMembership.updated", description: "A member's role changed" },
      { type: "organizationMembership.deleted", description: "A user left an organization" },
    ],
  },
  {
    id: "invitation",
    name: "Invitation",
    types: [
      { type: "organizationInvitation.created", description: "Someone was invited to an organization" },
      { type: "organizationInvitation.accepted", description: "An invitation was accepted" },
      { type: "organizationInvitation.revoked", description: "An invitation was revoked" },
    ],
  },
  {
    id: "roles",
    name: "Roles & permissions",
    types: [
      { type: "role.created", description: "A role was created" },
      { type: "role.updated", description: "A role changed" },
      { type: "role.deleted", description: "A role was deleted" },
      { type: "permission.created", description: "A permission was created" },
      { type: "permission.updated", description: "A permission changed" },
      { type: "permission.deleted", description: "A permission was deleted" },
    ],
  },
  {
    id: "waitlist",
    name: "Waitlist",
    types: [
      { type: "waitlistEntry.created", description: "Someone joined the waitlist" },
      { type: "waitlistEntry.updated", description: "A waitlist entry changed" },
    ],
  },
];

export const CLERK_EVENT_TYPES: readonly string[] = CLERK_EVENT_GROUPS.flatMap((group) =>
  group.types.map((entry) => entry.type),
);

const KNOWN = new Set(CLERK_EVENT_TYPES);

export function isKnownClerkEventType(type: string): boolean {
  return KNOWN.has(type);
}
