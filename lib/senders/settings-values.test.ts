import { describe, expect, it } from "vitest";
import type { SettingField } from "./sender";
import { initialSettings, isSettingShown, settingsToSend } from "./settings-values";

// A form shaped like Custom HMAC's: the timestamp header applies only when a time is signed.
const FIELDS: SettingField[] = [
  { name: "header", label: "Signature header", type: "text", defaultValue: "x-signature" },
  {
    name: "algorithm",
    label: "Algorithm",
    type: "select",
    options: [
      { value: "sha256", label: "SHA-256" },
      { value: "sha1", label: "SHA-1" },
    ],
    defaultValue: "sha256",
  },
  {
    name: "signsTime",
    label: "Signs a timestamp",
    type: "select",
    options: [
      { value: "no", label: "No" },
      { value: "yes", label: "Yes" },
    ],
    defaultValue: "no",
  },
  { name: "timestampHeader", label: "Timestamp header", type: "text", showWhen: { field: "signsTime", value: "yes" } },
  { name: "toleranceSeconds", label: "Tolerance (seconds)", type: "number", defaultValue: "300" },
];

describe("a sender's settings form", () => {
  it("starts on the saved values, else the defaults, else empty", () => {
    expect(initialSettings(FIELDS, null)).toEqual({
      header: "x-signature",
      algorithm: "sha256",
      signsTime: "no",
      timestampHeader: "",
      toleranceSeconds: "300",
    });
    expect(initialSettings(FIELDS, { header: "x-sig", toleranceSeconds: 60 })).toMatchObject({
      header: "x-sig",
      toleranceSeconds: "60",
    });
  });

  it("shows a field with showWhen only when the other field has that value", () => {
    const field = FIELDS[3];
    expect(isSettingShown(field, { signsTime: "no" })).toBe(false);
    expect(isSettingShown(field, { signsTime: "yes" })).toBe(true);
  });

  it("sends shown fields only, numbers as numbers, and leaves empty ones out", () => {
    const values = { ...initialSettings(FIELDS, null), timestampHeader: "x-timestamp", header: "  " };
    expect(settingsToSend(FIELDS, values)).toEqual({ algorithm: "sha256", signsTime: "no", toleranceSeconds: 300 });
    expect(settingsToSend(FIELDS, { ...values, signsTime: "yes" })).toMatchObject({
      signsTime: "yes",
      timestampHeader: "x-timestamp",
    });
  });
});
