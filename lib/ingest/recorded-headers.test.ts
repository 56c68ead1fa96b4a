import { describe, expect, it } from "vitest";
import { schemeFor } from "../senders/schemes/schemes";
import { SENDERS } from "../senders/senders";
import { recordedHeaders } from "./recorded-headers";

const SECRET = "correct-horse-battery-staple-0123456789";

describe("recordedHeaders", () => {
  it("keeps no signature or token of any registered sender, signed the sender's way", () => {
    for (const sender of SENDERS.filter((candidate) => !candidate.config)) {
      const verification = sender.verification(undefined);
      const signed = schemeFor(verification).sign('{"id":"evt_1"}', SECRET, verification, {
        id: "msg_1",
        now: new Date(),
      });
      const kept = JSON.stringify(recordedHeaders(new Headers(signed)));
      for (const [name, value] of Object.entries(signed)) {
        // Ids and timestamps may stay; a value that verifies (or is) the secret may not.
        if (/-id$|timestamp|^x-time/.test(name)) continue;
        expect(kept, `${sender.id} ${name}`).not.toContain(value.slice(-16));
      }
      expect(kept, sender.id).not.toContain(SECRET);
    }
  });

  it("redacts the header a webhook's own settings name, and keeps the others", () => {
    const headers = new Headers({ "x-webhook-secret": SECRET, "user-agent": "pg_net/0.8" });
    expect(recordedHeaders(headers, ["x-webhook-secret"])).toEqual({
      "x-webhook-secret": "[redacted]",
      "user-agent": "pg_net/0.8",
    });
  });

  it("keeps the version tags of Standard Webhooks signatures only", () => {
    const kept = recordedHeaders(new Headers({ "svix-signature": "v1,abcdefgh v2,ijklmnop" }));
    expect(kept["svix-signature"]).toBe("v1,[redacted] v2,[redacted]");
  });
});
