import { describe, expect, it } from "vitest";
import { CLERK_EVENT_GROUPS, CLERK_EVENT_TYPES, isKnownClerkEventType } from "./clerk-events";
import { sampleClerkEvent } from "./clerk-samples";

const NOW = new Date("2026-11-23T14:05:00Z");

describe("Clerk event catalog", () => {
  it("lists the groups in dashboard order with every type once", () => {
    expect(CLERK_EVENT_GROUPS.map((group) => group.name)).toEqual([
      "User",
      "Session",
      "Authentication",
      "Organization",
      "Membership",
      "Invitation",
      "Roles & permissions",
      "Waitlist",
    ]);
    expect(CLERK_EVENT_TYPES).toHaveLength(new Set(CLERK_EVENT_TYPES).size);
    expect(CLERK_EVENT_TYPES).toHaveLength(37);
    expect(CLERK_EVENT_TYPES.slice(0, 4)).toEqual(["user.created", "user.updated", "user.deleted", "user.locked"]);
    for (const group of CLERK_EVENT_GROUPS) {
      for (const entry of group.types) expect(entry.description.length).toBeGreaterThan(5);
    }
  });

  it("knows catalog types only", () => {
    expect(isKnownClerkEventType("organizationMembership.created")).toBe(true);
    expect(isKnownClerkEventType("waitlistEntry.updated")).toBe(true);
    expect(isKnownClerkEventType("user.locked")).toBe(true);
    expect(isKnownClerkEventType("user.exploded")).toBe(false);
    expect(isKnownClerkEventType("")).toBe(false);
  });
});

describe("Clerk sample events", () => {
  it("wraps every catalog type in a Clerk envelope timestamped at now", () => {
    for (const type of CLERK_EVENT_TYPES) {
      const event = sampleClerkEvent(type, NOW);
      expect(event).toMatchObject({
        object: "event",
        type,
        timestamp: NOW.getTime(),
        instance_id: expect.stringMatching(/^ins_/),
        event_attributes: { http_request: { client_ip: expect.any(String), user_agent: expect.any(String) } },
      });
      expect(event.data).toEqual(expect.objectContaining({ id: expect.any(String), object: expect.any(String) }));
    }
  });

  it("gives user.created a Clerk user whose primary email is Ada's", () => {
    const data = sampleClerkEvent("user.created", NOW).data as Record<string, unknown>;
    expect(data).toMatchObject({ object: "user", first_name: "Ada", last_name: "Lovelace", created_at: NOW.getTime() });
    const [address] = data.email_addresses as Record<string, unknown>[];
    expect(address).toMatchObject({ email_address: "ada@example.com", object: "email_address" });
    expect(address.id).toBe(data.primary_email_address_id);
    expect(address.verification).toMatchObject({ status: "verified" });
  });

  it("gives user.locked a Clerk user locked out with no attempts left", () => {
    const data = sampleClerkEvent("user.locked", NOW).data as Record<string, unknown>;
    expect(data).toMatchObject({
      object: "user",
      id: expect.stringMatching(/^user_/),
      locked: true,
      lockout_expires_in_seconds: 3600,
      verification_attempts_remaining: 0,
      updated_at: NOW.getTime(),
    });
    expect(data.created_at).toBeLessThan(NOW.getTime());
    expect(sampleClerkEvent("user.updated", NOW).data).toMatchObject({ locked: false });
  });

  it("shapes the other families like Clerk's examples", () => {
    const data = (type: string) => sampleClerkEvent(type, NOW).data as Record<string, unknown>;
    expect(data("user.deleted")).toEqual({ deleted: true, id: expect.stringMatching(/^user_/), object: "user" });
    expect(data("session.created")).toMatchObject({ object: "session", status: "active", user_id: expect.any(String) });
    expect(data("session.revoked")).toMatchObject({ status: "revoked" });
    expect(data("organization.created")).toMatchObject({ object: "organization", name: expect.any(String) });
    expect(data("organizationMembership.created")).toMatchObject({
      object: "organization_membership",
      organization: { object: "organization" },
      public_user_data: { first_name: "Ada", last_name: "Lovelace", identifier: "ada@example.com" },
    });
    expect(data("organizationInvitation.accepted")).toMatchObject({ status: "accepted", role: "org:member" });
    expect(data("email.created")).toMatchObject({ object: "email", to_email_address: "ada@example.com" });
    expect(data("role.deleted")).toMatchObject({ deleted: true, object: "role" });
  });

  it("falls back to user data for unknown types and returns fresh copies", () => {
    const unknown = sampleClerkEvent("something.happened", NOW);
    expect(unknown.type).toBe("something.happened");
    expect(unknown.data).toMatchObject({ object: "user", first_name: "Ada" });

    const first = sampleClerkEvent("user.created", NOW);
    (first.data as { email_addresses: { email_address: string }[] }).email_addresses[0].email_address = "x@y.z";
    const second = sampleClerkEvent("user.created", NOW);
    expect((second.data as { email_addresses: { email_address: string }[] }).email_addresses[0].email_address).toBe(
      "ada@example.com",
    );
  });
});
