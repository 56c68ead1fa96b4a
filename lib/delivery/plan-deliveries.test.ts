import { describe, expect, it } from "vitest";
import { CONDITION_LIMITS } from "../conditions/condition";
import { planDeliveries } from "./plan-deliveries";

// Planning runs inside ingest's transaction for every event: a webhook's conditions share one step budget
// per event, so twenty channels with costly conditions cost no more than one.

const NOW = new Date("2026-12-03T12:00:00Z");
// A list longer than the step budget, searched for a value it does not hold: one channel's condition
// alone uses up the whole budget.
const PAYLOAD = {
  type: "user.created",
  data: { tags: Array.from({ length: CONDITION_LIMITS.maxSteps }, (_, i) => `t${i}`) },
};
const EVENT = { id: "evt_1", projectId: "prj_1", webhookId: "wh_1", eventType: "user.created", payload: PAYLOAD };
const costly = JSON.stringify({ data: { tags: "missing" } });
const cheap = JSON.stringify({ type: "user.created" });

function channel(id: string, conditions: string | null) {
  return { id, kind: "slack", eventTypes: null, conditions };
}

describe("planning deliveries", () => {
  it("stops one event's conditions once they have spent the budget together, and says so per channel", () => {
    const rows = planDeliveries(EVENT, [channel("ch_a", costly), channel("ch_b", cheap), channel("ch_c", null)], NOW);
    expect(rows.map((row) => row.status)).toEqual(["filtered", "filtered", "pending"]);
    expect(rows[0].statusReason).toMatch(/The condition needs more than 10,000 steps on this event and was stopped/);
    expect(rows[1].statusReason).toMatch(
      /The conditions of this webhook's channels need more than 10,000 steps on this event together/,
    );
    // A channel without conditions spends nothing and always alerts.
    expect(rows[2].statusReason).toBeNull();
  });

  it("gives every event a budget of its own", () => {
    const cheapFirst = planDeliveries(EVENT, [channel("ch_b", cheap), channel("ch_a", costly)], NOW);
    expect(cheapFirst[0].status).toBe("pending");
    const next = planDeliveries({ ...EVENT, id: "evt_2" }, [channel("ch_b", cheap)], NOW);
    expect(next[0].status).toBe("pending");
  });
});
