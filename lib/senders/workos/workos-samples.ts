// WorkOS events shaped like the examples in WorkOS's events reference and the @workos-inc/node SDK's
// *EventResponse types: `{ id: "event_…", event, data, created_at }`, data in snake_case as sent on the
// wire. Every call builds new objects.

type Json = Record<string, unknown>;

const USER_ID = "user_01E4ZCR3C56J083X43JQXF3JK5";
const ORG_ID = "org_01EHZNVPK3SFK441A1RGBFSHRT";
const CONNECTION_ID = "conn_01E4ZCR3C56J083X43JQXF3JK5";
const DIRECTORY_ID = "directory_01ECAZ4NV9QMV47GW873HDCX74";
const USER_AGENT =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36";
const DAY = 24 * 60 * 60_000;
const iso = (t: number) => new Date(t).toISOString();

/** A ULID-like id, new per call: WorkOS event ids are `event_` and 26 Crockford base32 characters. */
function eventId(t: number): string {
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  let time = "";
  for (let rest = t, i = 0; i < 10; i++, rest = Math.floor(rest / 32)) time = alphabet[rest % 32] + time;
  let random = "";
  for (let i = 0; i < 16; i++) random += alphabet[Math.floor(Math.random() * 32)];
  return `event_${time}${random}`;
}

function user(t: number, created: number): Json {
  return {
    object: "user",
    id: USER_ID,
    email: "marcelina.davis@example.com",
    email_verified: true,
    first_name: "Marcelina",
    last_name: "Davis",
    profile_picture_url: "https://workoscdn.com/images/v1/123abc",
    last_sign_in_at: created === t ? null : iso(t),
    locale: "en-US",
    external_id: null,
    metadata: {},
    created_at: iso(created),
    updated_at: iso(t),
  };
}

function authentication(type: string, status: "succeeded" | "failed"): Json {
  const method = type.replace(/^authentication\./, "").replace(/_(succeeded|failed)$/, "");
  const sso = method === "sso" ? { sso: { organization_id: ORG_ID, connection_id: CONNECTION_ID } } : {};
  const errors: Record<string, Json> = {
    password: { code: "invalid_credentials", message: "Invalid credentials." },
    sso: {
      code: "profile_not_allowed_outside_organization",
      message: "The user's profile is not allowed outside the organization.",
    },
  };
  return {
    type: method,
    status,
    user_id: USER_ID,
    email: "marcelina.davis@example.com",
    ip_address: "192.0.2.1",
    user_agent: USER_AGENT,
    ...sso,
    ...(status === "failed"
      ? { error: errors[method] ?? { code: "authentication_failed", message: "Authentication failed." } }
      : {}),
  };
}

function organization(t: number, created: number): Json {
  return {
    object: "organization",
    id: ORG_ID,
    name: "Foo Corp",
    allow_profiles_outside_organization: false,
    domains: [
      {
        object: "organization_domain",
        id: "org_domain_01EHZNVPK2QXHMVWCEDQEKY69A",
        domain: "foo-corp.com",
        state: "verified",
        verification_strategy: "dns",
      },
    ],
    external_id: null,
    metadata: {},
    created_at: iso(created),
    updated_at: iso(t),
  };
}

function directoryUser(t: number, state: "active" | "inactive"): Json {
  return {
    object: "directory_user",
    id: "directory_user_01E1X56GH84T3FB41SD6PZGDBX",
    directory_id: DIRECTORY_ID,
    organization_id: ORG_ID,
    idp_id: "2936",
    email: "eric@foo-corp.com",
    first_name: "Eric",
    last_name: "Schneider",
    state,
    raw_attributes: {},
    custom_attributes: { department: "Engineering", job_title: "Software Engineer" },
    role: { slug: "member" },
    created_at: iso(t - 90 * DAY),
    updated_at: iso(t),
  };
}

function directoryGroup(t: number): Json {
  return {
    object: "directory_group",
    id: "directory_group_01E1X5GPMMXF4T1DCERMVEEPVW",
    idp_id: "02grqrue4294w24",
    directory_id: DIRECTORY_ID,
    organization_id: ORG_ID,
    name: "Developers",
    raw_attributes: {},
    created_at: iso(t - 90 * DAY),
    updated_at: iso(t),
  };
}

function directory(t: number, state: string): Json {
  return {
    object: "directory",
    id: DIRECTORY_ID,
    external_key: "UWuccu6o1E0GqkYs",
    type: "okta scim v2.0",
    state,
    name: "Foo Corp's Directory",
    organization_id: ORG_ID,
    domains: [{ object: "organization_domain", id: "org_domain_01EHZNVPK2QXHMVWCEDQEKY69A", domain: "foo-corp.com" }],
    created_at: iso(t - 90 * DAY),
    updated_at: iso(t),
  };
}

function connection(t: number, state: string): Json {
  return {
    object: "connection",
    id: CONNECTION_ID,
    organization_id: ORG_ID,
    name: "Foo Corp's Okta",
    connection_type: "OktaSAML",
    state,
    domains: [{ object: "connection_domain", id: "conn_domain_01EHWNFTAFCF3CQAE5A9Q0P1YB", domain: "foo-corp.com" }],
    created_at: iso(t - 90 * DAY),
    updated_at: iso(t),
  };
}

function membership(t: number, status: string): Json {
  return {
    object: "organization_membership",
    id: "om_01E4ZCR3C56J083X43JQXF3JK5",
    user_id: USER_ID,
    organization_id: ORG_ID,
    role: { slug: "member" },
    status,
    created_at: iso(t - DAY),
    updated_at: iso(t),
  };
}

function session(t: number, status: string): Json {
  return {
    object: "session",
    id: "session_01HSCBECW0D7AY8CA45AYKA64G",
    user_id: USER_ID,
    organization_id: ORG_ID,
    ip_address: "192.0.2.1",
    user_agent: USER_AGENT,
    auth_method: "password",
    status,
    expires_at: iso(t + 30 * DAY),
    ended_at: status === "revoked" ? iso(t) : null,
    created_at: iso(status === "revoked" ? t - DAY : t),
    updated_at: iso(t),
  };
}

function organizationDomain(t: number, verified: boolean): Json {
  return {
    object: "organization_domain",
    id: "org_domain_01EHZNVPK2QXHMVWCEDQEKY69A",
    organization_id: ORG_ID,
    domain: "foo-corp.com",
    state: verified ? "verified" : "failed",
    verification_strategy: "dns",
    verification_token: "aW5HQ8Sgps1y3LQyrShsFRo3F",
    created_at: iso(t - DAY),
    updated_at: iso(t),
  };
}

function invitation(t: number, accepted: boolean): Json {
  return {
    object: "invitation",
    id: "invitation_01E4ZCR3C56J083X43JQXF3JK5",
    email: "marcelina.davis@example.com",
    state: accepted ? "accepted" : "pending",
    accepted_at: accepted ? iso(t) : null,
    revoked_at: null,
    expires_at: iso(t + 7 * DAY),
    organization_id: ORG_ID,
    inviter_user_id: "user_01HYGBX8ZGD19949T3BM4FW1C3",
    accepted_user_id: accepted ? USER_ID : null,
    created_at: iso(accepted ? t - DAY : t),
    updated_at: iso(t),
  };
}

function sampleData(type: string, t: number): Json {
  const [family, action] = type.split(".");
  if (family === "authentication") return authentication(type, type.endsWith("_failed") ? "failed" : "succeeded");
  if (type === "user.created") return user(t, t);
  if (family === "user") return user(t, t - 30 * DAY);
  if (type === "dsync.activated" || type === "dsync.deleted")
    return directory(t, action === "activated" ? "active" : "deleting");
  if (type === "dsync.user.deleted") return directoryUser(t, "inactive");
  if (type.startsWith("dsync.user.")) return directoryUser(t, "active");
  if (type.startsWith("dsync.group.user_"))
    return { directory_id: DIRECTORY_ID, user: directoryUser(t, "active"), group: directoryGroup(t) };
  if (type.startsWith("dsync.group.")) return directoryGroup(t);
  if (family === "organization") return organization(t, action === "created" ? t : t - 90 * DAY);
  if (family === "organization_membership") return membership(t, action === "deleted" ? "inactive" : "active");
  if (family === "connection") return connection(t, action === "activated" ? "active" : "inactive");
  if (family === "session") return session(t, action === "revoked" ? "revoked" : "active");
  if (family === "organization_domain") return organizationDomain(t, action === "verified");
  if (family === "invitation") return invitation(t, action === "accepted");
  // password_reset.* and unknown types: the user they concern.
  return user(t, t - 30 * DAY);
}

/** A WorkOS event of `type` created at `now`, with a new event id on every call. */
export function sampleWorkosEvent(type: string, now: Date = new Date()): Json {
  const t = Number.isFinite(now.getTime()) ? now.getTime() : Date.now();
  return { id: eventId(t), event: type, data: sampleData(type, t), created_at: iso(t) };
}
