import { describe, expect, it } from "vitest";
import { eventIdFloor, newEventId, newId, newWebhookId, randomBase62 } from "./ids";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const EVENT_ID = /^evt_[0-9A-HJKMNP-TV-Z]{26}$/;

function decodeTime(id: string): number {
  return [...id.slice(4, 14)].reduce((ms, char) => ms * 32 + CROCKFORD.indexOf(char), 0);
}

function expectStrictlyIncreasing(ids: string[]) {
  for (let i = 1; i < ids.length; i++) expect(ids[i] > ids[i - 1], `${ids[i]} > ${ids[i - 1]}`).toBe(true);
}

// newEventId keeps module state (the last time and random part); these tests only move time forward
// from the real clock, as the app does.
describe("newEventId", () => {
  it("is ULID-shaped and encodes the millisecond in its first 10 characters", () => {
    const now = Date.now() + 10;
    const id = newEventId(now);
    expect(id).toMatch(EVENT_ID);
    expect(decodeTime(id)).toBe(now);
  });

  it("is strictly increasing for many ids within one millisecond", () => {
    const now = Date.now() + 20;
    const ids = Array.from({ length: 2000 }, () => newEventId(now));
    expectStrictlyIncreasing(ids);
    expect(new Set(ids.map((id) => id.slice(0, 14)))).toEqual(new Set([ids[0].slice(0, 14)]));
  });

  it("is strictly increasing across milliseconds", () => {
    const start = Date.now() + 30;
    const ids = Array.from({ length: 200 }, (_, i) => newEventId(start + Math.floor(i / 3)));
    expectStrictlyIncreasing(ids);
    expect(decodeTime(ids.at(-1) as string)).toBe(start + 66);
  });

  it("stays increasing when the clock steps backwards", () => {
    const now = Date.now() + 1000;
    const later = newEventId(now);
    const earlierClock = newEventId(now - 500);
    expect(earlierClock > later).toBe(true);
    expect(decodeTime(earlierClock)).toBe(now);
  });

  it("is strictly increasing from the real clock", () => {
    const ids = Array.from({ length: 5000 }, () => newEventId());
    expectStrictlyIncreasing(ids);
  });
});

describe("newWebhookId", () => {
  it("is wh_ followed by 24 base62 characters", () => {
    for (let i = 0; i < 200; i++) expect(newWebhookId()).toMatch(/^wh_[0-9A-Za-z]{24}$/);
  });

  it("never repeats and uses the whole base62 alphabet", () => {
    const ids = Array.from({ length: 2000 }, () => newWebhookId());
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.join("").replaceAll("wh_", "")).size).toBe(62);
  });
});

describe("newId and randomBase62", () => {
  it("prefixes 20 base62 characters", () => {
    expect(newId("usr")).toMatch(/^usr_[0-9A-Za-z]{20}$/);
    expect(newId("prj")).toMatch(/^prj_[0-9A-Za-z]{20}$/);
  });

  it("returns exactly the requested length", () => {
    for (const length of [1, 7, 24, 100]) expect(randomBase62(length)).toHaveLength(length);
  });
});

describe("eventIdFloor", () => {
  it("sorts at or before every id made at that moment or later, and after every earlier one", () => {
    // Far ahead of the other tests' ids: the generator never goes back in time.
    const at = new Date("2099-01-01T12:00:00.000Z");
    const floor = eventIdFloor(at);
    expect(newEventId(at.getTime() - 1) < floor).toBe(true);
    expect(newEventId(at.getTime()) >= floor).toBe(true);
    expect(newEventId(at.getTime() + 1) > floor).toBe(true);
  });
});
