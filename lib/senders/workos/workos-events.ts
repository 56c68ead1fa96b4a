import type { EventGroup } from "../sender";

// WorkOS event types Hookbell knows by name, grouped as WorkOS's events reference groups them
// (workos.com/docs/events); the names are the `event` union of the @workos-inc/node SDK. Others are still
// accepted and logged.

export const WORKOS_EVENT_GROUPS: readonly EventGroup[] = [
  {
    id: "authentication",
    name: "Authentication",
    types: [
      { type: "authentication.password_succeeded", description: "A user signed in with a password" },
      { type: "authentication.password_failed", description: "A password sign-in failed" },
      { type: "authentication.sso_succeeded", description: "A user signed in through SSO" },
      { type: "authentication.sso_failed", description: "An SSO sign-in failed" },
      { type: "authentication.oauth_succeeded", description: "A user signed in with an OAuth provider" },
      { type: "authentication.oauth_failed", description: "An OAuth sign-in failed" },
      { type: "authentication.magic_auth_succeeded", description: "A user signed in with a Magic Auth code" },
      { type: "authentication.magic_auth_failed", description: "A Magic Auth sign-in failed" },
      { type: "authentication.mfa_succeeded", description: "A user passed multi-factor authentication" },
      { type: "authentication.passkey_succeeded", description: "A user signed in with a passkey" },
      { type: "authentication.passkey_failed", description: "A passkey sign-in failed" },
      { type: "authentication.email_verification_succeeded", description: "A user verified their email" },
      { type: "authentication.radar_risk_detected", description: "Radar flagged a risky sign-in or sign-up" },
    ],
  },
  {
    id: "dsync",
    name: "Directory Sync",
    types: [
      { type: "dsync.activated", description: "A directory was connected" },
      { type: "dsync.deleted", description: "A directory was deleted" },
      { type: "dsync.user.created", description: "A user was provisioned from a directory" },
      { type: "dsync.user.updated", description: "A directory user changed" },
      { type: "dsync.user.deleted", description: "A user was deprovisioned from a directory" },
      { type: "dsync.group.created", description: "A directory group was created" },
      { type: "dsync.group.updated", description: "A directory group changed" },
      { type: "dsync.group.deleted", description: "A directory group was deleted" },
      { type: "dsync.group.user_added", description: "A user was added to a directory group" },
      { type: "dsync.group.user_removed", description: "A user was removed from a directory group" },
    ],
  },
  {
    id: "organizations",
    name: "Organizations",
    types: [
      { type: "organization.created", description: "An organization was created" },
      { type: "organization.updated", description: "An organization changed" },
      { type: "organization.deleted", description: "An organization was deleted" },
      { type: "organization_domain.verified", description: "An organization's domain was verified" },
      { type: "organization_domain.verification_failed", description: "An organization's domain failed verification" },
      { type: "organization_membership.created", description: "A user joined an organization" },
      { type: "organization_membership.updated", description: "A membership's role or status changed" },
      { type: "organization_membership.deleted", description: "A user left an organization" },
    ],
  },
  {
    id: "users",
    name: "Users",
    types: [
      { type: "user.created", description: "A user signed up" },
      { type: "user.updated", description: "A user's profile changed" },
      { type: "user.deleted", description: "A user was deleted" },
      { type: "invitation.created", description: "Someone was invited" },
      { type: "invitation.accepted", description: "An invitation was accepted" },
      { type: "password_reset.created", description: "A user asked to reset their password" },
      { type: "password_reset.succeeded", description: "A user reset their password" },
    ],
  },
  {
    id: "sessions",
    name: "Sessions",
    types: [
      { type: "session.created", description: "A session started" },
      { type: "session.revoked", description: "A session was revoked" },
    ],
  },
  {
    id: "connections",
    name: "Connections (SSO)",
    types: [
      { type: "connection.activated", description: "An SSO connection was activated" },
      { type: "connection.deactivated", description: "An SSO connection was deactivated" },
      { type: "connection.deleted", description: "An SSO connection was deleted" },
    ],
  },
];
