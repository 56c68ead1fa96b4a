import { Webhook } from "svix";

export const CLERK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
export const OTHER_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

let counter = 0;

/** Headers for `body` signed with the svix library's own sign(), as Clerk would send them. */
export function signedHeaders(
  body: string,
  options: { secret?: string; id?: string; timestamp?: Date; prefix?: "svix" | "webhook" } = {},
): Record<string, string> {
  const secret = options.secret ?? CLERK_SECRET;
  const id = options.id ?? `msg_test${Date.now()}${++counter}`;
  const timestamp = options.timestamp ?? new Date();
  const prefix = options.prefix ?? "svix";
  return {
    "content-type": "application/json",
    [`${prefix}-id`]: id,
    [`${prefix}-timestamp`]: String(Math.floor(timestamp.getTime() / 1000)),
    [`${prefix}-signature`]: new Webhook(secret).sign(id, timestamp, body),
  };
}

export function clerkEvent(type = "user.created", data: Record<string, unknown> = {}): string {
  return JSON.stringify({
    object: "event",
    type,
    timestamp: Date.now(),
    instance_id: "ins_2abc",
    data: { id: "user_29w83sxmDNGwOuEthce5gg56FcC", object: "user", first_name: "Ada", last_name: "Lovelace", ...data },
  });
}
