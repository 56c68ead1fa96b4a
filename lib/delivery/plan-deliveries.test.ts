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
    const { deliveries, notAlerted } = planDeliveries(
      EVENT,
      [channel("ch_a", costly), channel("ch_b", cheap), channel("ch_c", null)],
      NOW,
    );
    expect(notAlerted.map((entry) => entry.channelId)).toEqual(["ch_a", "ch_b"]);
    expect(notAlerted[0].reason).toMatch(/The condition needs more than 10,000 steps on this event and was stopped/);
    expect(notAlerted[1].reason).toMatch(
      /The conditions of this webhook's channels need more than 10,000 steps on this event together/,
    );
    // A channel without conditions spends nothing and always alerts.
    expect(deliveries.map((row) => [row.channelId, row.status])).toEqual([["ch_c", "pending"]]);
  });

  it("gives every event a budget of its own", () => {
    const cheapFirst = planDeliveries(EVENT, [channel("ch_b", cheap), channel("ch_a", costly)], NOW);
    expect(cheapFirst.deliveries.map((row) => row.channelId)).toEqual(["ch_b"]);
    const next = planDeliveries({ ...EVENT, id: "evt_2" }, [channel("ch_b", cheap)], NOW);
    expect(next.deliveries.map((row) => row.channelId)).toEqual(["ch_b"]);
  });

  it("numbers alerts and silent channels from one sequence, so sorted by id they keep the channels' order", () => {
    const { deliveries, notAlerted } = planDeliveries(
      EVENT,
      [channel("ch_1", null), channel("ch_2", costly), channel("ch_3", null), channel("ch_4", cheap)],
      NOW,
    );
    const merged = [...deliveries, ...notAlerted].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(merged.map((entry) => entry.channelId)).toEqual(["ch_1", "ch_2", "ch_3", "ch_4"]);
  });
});
