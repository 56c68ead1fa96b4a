import type { PresetSpec } from "../preset-spec";

// What teams on WorkOS alert on: signups, failed sign-ins, people deprovisioned by their IdP, SSO
// connections going down, new customer organizations.

const failedSignIn = (eventType: string, method: string, emoji: string): PresetSpec => ({
  id: `workos-${eventType.replaceAll(/[._]/g, "-")}`,
  eventType,
  name: `${method} sign-in failed`,
  description: `A ${method.toLowerCase()} sign-in failed: who, from where, and WorkOS's error.`,
  emoji,
  title: `Failed ${method.toLowerCase()} sign-in: {{event.data.email}}`,
  lead: "{{event.data.error.message}}",
  facts: [
    { label: "Email", value: "event.data.email" },
    { label: "Error", value: "event.data.error.code", code: true },
    { label: "IP address", value: "event.data.ip_address", code: true },
    { label: "User agent", value: "event.data.user_agent" },
    { label: "User ID", value: "event.data.user_id", code: true },
  ],
  summary: `Failed ${method.toLowerCase()} sign-in for {{event.data.email}}: {{event.data.error.code}}`,
});

export const WORKOS_PRESETS: PresetSpec[] = [
  {
    id: "workos-user-created",
    eventType: "user.created",
    name: "New user",
    description: "A user signed up: name, email and whether it is verified.",
    emoji: "🎉",
    title: "New user: {{event.data.first_name}} {{event.data.last_name}}",
    lead: "{{event.data.first_name}} {{event.data.last_name}} ({{event.data.email}}) signed up.",
    facts: [
      { label: "Email", value: "event.data.email" },
      { label: "Email verified", value: "event.data.email_verified" },
      { label: "Signed up", value: "formatDate event.data.created_at" },
      { label: "User ID", value: "event.data.id", code: true },
    ],
    summary: "New user {{event.data.first_name}} {{event.data.last_name}} ({{event.data.email}})",
  },
  failedSignIn("authentication.password_failed", "Password", "🔐"),
  {
    ...failedSignIn("authentication.sso_failed", "SSO", "🚪"),
    facts: [
      { label: "Email", value: "event.data.email" },
      { label: "Error", value: "event.data.error.code", code: true },
      { label: "Organization", value: "event.data.sso.organization_id", code: true },
      { label: "Connection", value: "event.data.sso.connection_id", code: true },
      { label: "IP address", value: "event.data.ip_address", code: true },
    ],
  },
  {
    id: "workos-dsync-user-deleted",
    eventType: "dsync.user.deleted",
    name: "User deprovisioned",
    description: "The identity provider removed a user from a directory.",
    emoji: "🚫",
    title: "User deprovisioned: {{event.data.email}}",
    lead: "{{event.data.first_name}} {{event.data.last_name}} was removed by the directory; revoke their access.",
    facts: [
      { label: "Email", value: "event.data.email" },
      { label: "Name", value: "event.data.first_name" },
      { label: "Organization", value: "event.data.organization_id", code: true },
      { label: "Directory", value: "event.data.directory_id", code: true },
      { label: "Directory user", value: "event.data.id", code: true },
    ],
    summary: "{{event.data.email}} deprovisioned from directory {{event.data.directory_id}}",
  },
  {
    id: "workos-connection-deactivated",
    eventType: "connection.deactivated",
    name: "SSO connection deactivated",
    description: "An SSO connection stopped working: its members cannot sign in through it.",
    emoji: "🔌",
    title: "SSO connection deactivated: {{event.data.name}}",
    lead: "Users of {{event.data.name}} can no longer sign in through it.",
    facts: [
      { label: "Connection", value: "event.data.name" },
      { label: "Type", value: "event.data.connection_type" },
      { label: "Domain", value: "event.data.domains.[0].domain" },
      { label: "Organization", value: "event.data.organization_id", code: true },
      { label: "Connection ID", value: "event.data.id", code: true },
    ],
    summary: "SSO connection {{event.data.name}} ({{event.data.connection_type}}) deactivated",
  },
  {
    id: "workos-organization-created",
    eventType: "organization.created",
    name: "New organization",
    description: "An organization was created: its name and domain.",
    emoji: "🏢",
    title: "New organization: {{event.data.name}}",
    lead: "{{event.data.name}} was created in WorkOS.",
    facts: [
      { label: "Name", value: "event.data.name" },
      { label: "Domain", value: "event.data.domains.[0].domain" },
      { label: "Created", value: "formatDate event.data.created_at" },
      { label: "Organization ID", value: "event.data.id", code: true },
    ],
    summary: "New organization {{event.data.name}} ({{event.data.domains.[0].domain}})",
  },
];
