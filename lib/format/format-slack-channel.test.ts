import { describe, expect, it } from "vitest";
import { ChannelName } from "../channels/channel-input";
import { formatSlackChannel } from "./format-slack-channel";

describe("Slack channel names", () => {
  it("shows a channel with exactly one # whether or not the stored name has one", () => {
    expect(formatSlackChannel("alerts")).toBe("#alerts");
    expect(formatSlackChannel("#alerts")).toBe("#alerts");
    expect(formatSlackChannel("## alerts")).toBe("#alerts");
  });

  it("stores a typed #alerts as alerts, and refuses a name that is only a #", () => {
    expect(ChannelName.parse("  #alerts ")).toBe("alerts");
    const onlyHash = ChannelName.safeParse("#");
    expect(onlyHash.success).toBe(false);
    expect(onlyHash.error?.issues[0].message).toBe("Give the channel a name.");
  });
});
