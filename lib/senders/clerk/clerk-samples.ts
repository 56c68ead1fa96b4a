// Realistic Clerk webhook payloads, shaped like the examples in Clerk's published webhook spec
// (clerk/openapi-specs, webhooks/2025-04-15.yml), for template previews and "send test alert".
// Every call builds new objects, so callers may mutate what they get.

type Json = Record<string, unknown>;

const INSTANCE_ID = "ins_2g7np7Hrk0SN6kj5EDMLDaKNL0S";
const USER_ID = "user_2pXq7YbKf3nR9tLmW4cVz8HsJ1d";
const EMAIL_ID = "idn_2pXq7bQ4mZ1sK8vR3tY6wE9uH0c";
const PHONE_ID = "idn_2pXq7dJ5nA2tL9wS4uZ7xF0vI1e";
const ORG_ID = "org_2pXq8Lr3Tm6Wv9Yb2Kc5Nd8Pf1g";
const DOMAIN_ID = "orgdmn_2pXqDNh9As2Cb5Ei8Qk1Ul4Wm7o";
const ROLE_ID = "role_2pXqFPj1Cu4Ed7Gk0Sm3Wn6Yo9q";
const PERMISSION_ID = "perm_2pXqEOi0Bt3Dc6Fj9Rl2Vm5Xn8p";
const AVATAR = "https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9";
const USER_AGENT =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36";
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function emailAddress(t: number, verified = true): Json {
  return {
    id: EMAIL_ID,
    object: "email_address",
    email_address: "ada@example.com",
    reserved: false,
    verification: verified
      ? {
          object: "verification_otp",
          status: "verified",
          strategy: "email_code",
          attempts: 1,
          expire_at: t + 10 * MINUTE,
        }
      : {
          object: "verification_otp",
          status: "unverified",
          strategy: "email_code",
          attempts: 0,
          expire_at: t + 10 * MINUTE,
        },
    linked_to: [],
    matches_sso_connection: false,
    created_at: t - 2 * MINUTE,
    updated_at: t,
  };
}

function phoneNumber(t: number, verified: boolean): Json {
  return {
    id: PHONE_ID,
    object: "phone_number",
    phone_number: "+15555550123",
    reserved_for_second_factor: false,
    default_second_factor: false,
    reserved: false,
    verification: {
      status: verified ? "verified" : "unverified",
      strategy: "phone_code",
      attempts: verified ? 1 : 0,
      expire_at: t + 10 * MINUTE,
    },
    linked_to: [],
    backup_codes: null,
    created_at: t - MINUTE,
    updated_at: t,
  };
}

function user(t: number, created: number): Json {
  return {
    object: "user",
    id: USER_ID,
    external_id: null,
    primary_email_address_id: EMAIL_ID,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    username: "ada",
    first_name: "Ada",
    last_name: "Lovelace",
    profile_image_url: AVATAR,
    image_url: AVATAR,
    has_image: false,
    public_metadata: {},
    private_metadata: {},
    unsafe_metadata: {},
    email_addresses: [emailAddress(created)],
    phone_numbers: [],
    web3_wallets: [],
    passkeys: [],
    password_enabled: true,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    last_sign_in_at: created === t ? null : t,
    banned: false,
    locked: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: 100,
    created_at: created,
    updated_at: t,
    delete_self_enabled: true,
    create_organization_enabled: true,
    create_organizations_limit: null,
    last_active_at: t,
    legal_accepted_at: created,
  };
}

/** Clerk's user object as its lockout leaves it: no attempts left, locked for the default hour. */
function lockedUser(t: number): Json {
  return {
    ...user(t, t - 30 * DAY),
    locked: true,
    lockout_expires_in_seconds: 3600,
    verification_attempts_remaining: 0,
  };
}

function session(t: number, status: string): Json {
  const started = status === "active" || status === "pending" ? t : t - 3 * 60 * MINUTE;
  return {
    object: "session",
    id: "sess_2pXq9Hc4Vn7Xw0Zd3Lf6Pg9Rh2j",
    user_id: USER_ID,
    user: user(t, t - 30 * DAY),
    client_id: "client_2pXq9Fb3Um6Wv9Yc2Ke5Nf8Qg1i",
    actor: null,
    status,
    last_active_organization_id: null,
    last_active_at: t,
    latest_activity: {
      object: "session_activity",
      id: "sess_activity_2pXq9Jd5Wo8Yx1Ae4Mg7Qh0Si3k",
      device_type: "Macintosh",
      is_mobile: false,
      browser_name: "Chrome",
      browser_version: "128.0.0.0",
      ip_address: "192.0.2.10",
      city: "London",
      country: "GB",
    },
    expire_at: started + 7 * DAY,
    abandon_at: started + 30 * DAY,
    created_at: started,
    updated_at: t,
  };
}

function organization(t: number, members = 1): Json {
  return {
    object: "organization",
    id: ORG_ID,
    name: "Analytical Engines",
    slug: "analytical-engines",
    image_url: AVATAR,
    has_image: false,
    members_count: members,
    missing_member_with_elevated_permissions: false,
    pending_invitations_count: 0,
    max_allowed_memberships: 5,
    admin_delete_enabled: true,
    public_metadata: {},
    private_metadata: {},
    created_by: USER_ID,
    created_at: t - (members > 1 ? DAY : 0),
    updated_at: t,
  };
}

function publicOrganizationData(): Json {
  return { id: ORG_ID, name: "Analytical Engines", slug: "analytical-engines", image_url: AVATAR, has_image: false };
}

function membership(t: number, admin: boolean): Json {
  return {
    object: "organization_membership",
    id: "orgmem_2pXqAKe6Xp9Zy2Bf5Nh8Ri1Tj4l",
    role: admin ? "org:admin" : "org:member",
    role_name: admin ? "Admin" : "Member",
    permissions: admin ? ["org:sys_memberships:manage", "org:sys_profile:manage"] : ["org:sys_memberships:read"],
    public_metadata: {},
    private_metadata: {},
    organization: organization(t, 2),
    public_user_data: {
      user_id: USER_ID,
      first_name: "Ada",
      last_name: "Lovelace",
      profile_image_url: AVATAR,
      image_url: AVATAR,
      has_image: false,
      identifier: "ada@example.com",
      username: "ada",
    },
    created_at: admin ? t - DAY : t,
    updated_at: t,
  };
}

function invitation(t: number, status: string): Json {
  return {
    object: "organization_invitation",
    id: "orginv_2pXqBLf7Yq0Az3Cg6Oi9Sj2Uk5m",
    email_address: "charles@example.com",
    role: "org:member",
    role_name: "Member",
    organization_id: ORG_ID,
    public_organization_data: publicOrganizationData(),
    status,
    public_metadata: {},
    private_metadata: {},
    url: "https://accounts.example.com/accept-invitation?token=sample",
    ...(status === "accepted" ? { user_id: "user_2pXqCMg8Zr1Ba4Dh7Pj0Tk3Vl6n" } : {}),
    expires_at: t + 7 * DAY,
    created_at: status === "pending" ? t : t - DAY,
    updated_at: t,
  };
}

function domain(t: number, verified: boolean): Json {
  return {
    object: "organization_domain",
    id: DOMAIN_ID,
    organization_id: ORG_ID,
    name: "example.com",
    enrollment_mode: "automatic_invitation",
    affiliation_email_address: "ada@example.com",
    verification: verified ? { status: "verified", strategy: "email_code", attempts: 1, expire_at: null } : null,
    total_pending_invitations: 0,
    total_pending_suggestions: 0,
    public_organization_data: publicOrganizationData(),
    created_at: verified ? t - DAY : t,
    updated_at: t,
  };
}

function permission(t: number): Json {
  return {
    object: "permission",
    id: PERMISSION_ID,
    name: "Manage billing",
    key: "org:billing:manage",
    description: "Change the organization's plan and payment method",
    type: "custom",
    created_at: t,
    updated_at: t,
  };
}

function role(t: number): Json {
  return {
    object: "role",
    id: ROLE_ID,
    name: "Billing manager",
    key: "org:billing_manager",
    description: "Manages the organization's subscription",
    is_creator_eligible: false,
    permissions: [permission(t)],
    created_at: t,
    updated_at: t,
  };
}

function email(): Json {
  return {
    object: "email",
    id: "ema_2pXqGQk2Dv5Fe8Hl1Tn4Xo7Zp0r",
    slug: "verification_code",
    from_email_name: "notifications",
    to_email_address: "ada@example.com",
    email_address_id: EMAIL_ID,
    user_id: USER_ID,
    subject: "482913 is your verification code",
    body: "<p>Enter the following verification code when prompted: <b>482913</b></p>",
    body_plain: "482913 is your verification code. Do not share it with anyone.",
    status: "queued",
    data: { app: { name: "Example", url: "https://example.com" }, otp_code: "482913", requested_by: "Chrome, macOS" },
    delivered_by_clerk: true,
  };
}

function sms(t: number): Json {
  return {
    object: "sms_message",
    id: "sms_2pXqHRl3Ew6Gf9Im2Uo5Yp8Aq1s",
    slug: "verification_code",
    from_phone_number: "+15555550100",
    to_phone_number: "+15555550123",
    phone_number_id: PHONE_ID,
    user_id: USER_ID,
    message: "482913 is your verification code.",
    status: "queued",
    data: {},
    delivered_by_clerk: true,
    created_at: t,
  };
}

function waitlistEntry(t: number, invited: boolean): Json {
  return {
    object: "waitlist_entry",
    id: "wle_2pXqISm4Fx7Hg0Jn3Vp6Zq9Br2t",
    email_address: "ada@example.com",
    status: invited ? "invited" : "pending",
    is_locked: false,
    invitation: invited
      ? {
          object: "invitation",
          id: "inv_2pXqJTn5Gy8Ih1Ko4Wq7Ar0Cs3u",
          email_address: "ada@example.com",
          status: "pending",
          created_at: t,
          updated_at: t,
        }
      : null,
    created_at: invited ? t - DAY : t,
    updated_at: t,
  };
}

function deleted(object: string, id: string): Json {
  return { deleted: true, id, object };
}

const SESSION_STATUS: Record<string, string> = {
  "session.created": "active",
  "session.ended": "ended",
  "session.removed": "removed",
  "session.revoked": "revoked",
  "session.pending": "pending",
};

function sampleData(type: string, t: number): Json {
  const [family, action] = type.split(".");
  if (type === "user.created") return user(t, t);
  if (type === "user.deleted") return deleted("user", USER_ID);
  if (type === "user.locked") return lockedUser(t);
  if (family === "session" && SESSION_STATUS[type]) return session(t, SESSION_STATUS[type]);
  if (type === "email.created") return email();
  if (type === "sms.created") return sms(t);
  if (family === "emailAddress") return emailAddress(t, action === "verified");
  if (family === "phoneNumber") return phoneNumber(t, action === "verified");
  if (type === "organization.deleted") return deleted("organization", ORG_ID);
  if (family === "organization") return organization(t, action === "created" ? 1 : 2);
  if (type === "organizationDomain.deleted") return deleted("organization_domain", DOMAIN_ID);
  if (family === "organizationDomain") return domain(t, action === "updated");
  if (family === "organizationMembership") return membership(t, action === "updated");
  if (family === "organizationInvitation") return invitation(t, action === "created" ? "pending" : action);
  if (type === "role.deleted") return deleted("role", ROLE_ID);
  if (family === "role") return role(t);
  if (type === "permission.deleted") return deleted("permission", PERMISSION_ID);
  if (family === "permission") return permission(t);
  if (family === "waitlistEntry") return waitlistEntry(t, action === "updated");
  // user.updated, password.* and any type we do not know: a user is the most common subject.
  return user(t, t - 30 * DAY);
}

/** A full Clerk event envelope of `type`, timestamped at `now`; unknown types get user-shaped data. */
export function sampleClerkEvent(type: string, now: Date = new Date()): Record<string, unknown> {
  const t = Number.isFinite(now.getTime()) ? now.getTime() : Date.now();
  return {
    data: sampleData(type, t),
    event_attributes: { http_request: { client_ip: "192.0.2.10", user_agent: USER_AGENT } },
    instance_id: INSTANCE_ID,
    object: "event",
    timestamp: t,
    type,
  };
}
