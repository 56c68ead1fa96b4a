import { describe, expect, it } from "vitest";
import { listPresets } from "./presets";
import { renderEmail } from "./render-email";
import { sampleTemplateContext } from "./sample-context";

// Every email preset, rendered with the sample event of its type: the sentence first, the key facts, the
// button to the event, the fields that matter and never the payload as JSON, in the HTML and text parts.

const NOW = new Date("2026-11-23T14:05:00Z");
const USER_ID = "user_2pXq7YbKf3nR9tLmW4cVz8HsJ1d";

type Expected = { sentence: string; facts: [string, string][]; absent?: string[] };

const EXPECTED: Record<string, Expected> = {
  generic: {
    sentence: "A user.updated event arrived",
    facts: [
      ["Event type", "user.updated"],
      ["Object", "user"],
      ["ID", USER_ID],
      ["Received", "23 Nov 2026, 14:05 UTC"],
      ["Username", "ada"],
      ["First name", "Ada"],
    ],
  },
  "user-created": {
    sentence: "Ada Lovelace (ada@example.com) signed up",
    facts: [
      ["Name", "Ada Lovelace"],
      ["Email", "ada@example.com"],
      ["Signed up", "23 Nov 2026, 14:05 UTC"],
      ["User ID", USER_ID],
      ["Username", "ada"],
    ],
  },
  "user-deleted": { sentence: `User ${USER_ID} was deleted`, facts: [["User ID", USER_ID]] },
  "user-locked": {
    sentence: "Ada Lovelace (ada@example.com) was locked out",
    facts: [
      ["Email", "ada@example.com"],
      ["Locked for", "1 hour"],
      ["Attempts left", "0"],
    ],
  },
  "session-created": {
    sentence: "Ada Lovelace (ada@example.com) signed in from London, GB",
    facts: [
      ["Device", "Chrome 128.0.0.0 on Macintosh"],
      ["Location", "London, GB"],
      ["IP address", "192.0.2.10"],
      ["Session ID", "sess_2pXq9Hc4Vn7Xw0Zd3Lf6Pg9Rh2j"],
    ],
  },
  "organization-created": {
    sentence: "Analytical Engines was created with 1 member",
    facts: [
      ["Name", "Analytical Engines"],
      ["Slug", "analytical-engines"],
      ["Members", "1"],
      ["Organization ID", "org_2pXq8Lr3Tm6Wv9Yb2Kc5Nd8Pf1g"],
    ],
  },
  "organization-membership-created": {
    sentence: "Ada Lovelace joined Analytical Engines as Member",
    facts: [
      ["Member", "Ada Lovelace"],
      ["Organization", "Analytical Engines"],
      ["Role", "Member"],
    ],
  },
};

function render(presetId: string) {
  const preset = listPresets("email").find((candidate) => candidate.id === presetId);
  if (!preset) throw new Error(`no preset ${presetId}`);
  const context = sampleTemplateContext(preset.eventType ?? "user.updated", { now: NOW });
  return { context, email: renderEmail(preset.template, context) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The HTML's text as a reader sees it, one space between words. */
function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*<\/head>/, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&ldquo;|&rdquo;/g, '"')
    .replace(/&middot;/g, "·")
    .replace(/&#x3D;/g, "=")
    .replace(/\s+/g, " ");
}

describe("the email presets", () => {
  it("cover every preset, the generic one included", () => {
    expect(listPresets("email").map((preset) => preset.id)).toEqual(Object.keys(EXPECTED));
  });

  for (const [presetId, expected] of Object.entries(EXPECTED)) {
    describe(presetId, () => {
      it("opens with the one-line summary, as the heading and the inbox preview", () => {
        const { html } = render(presetId).email;
        const sentence = escapeRegExp(expected.sentence);
        expect(html).toMatch(new RegExp(`<h1[^>]*>${sentence}</h1>`));
        // The hidden preheader is what inboxes show beside the subject.
        expect(html).toMatch(new RegExp(`<body[^>]*>\\s*<div style="display:none[^"]*">${sentence}</div>`));
      });

      it("lists the key facts as label and value rows", () => {
        const text = visibleText(render(presetId).email.html);
        for (const [label, value] of expected.facts) expect(text).toContain(` ${label} ${value} `);
      });

      it("has a button to the event in Hookbell", () => {
        const { context, email } = render(presetId);
        expect(email.html).toMatch(
          new RegExp(`<a href="${escapeRegExp(context.eventUrl)}"[^>]*>View event in Hookbell</a>`),
        );
      });

      it("never dumps the payload as JSON", () => {
        const { email } = render(presetId);
        for (const part of [email.html, email.text]) {
          expect(part).not.toMatch(/[{[]\s*"\w+":/);
          expect(part).not.toContain("email_addresses");
          expect(part).not.toContain("public_metadata");
        }
      });

      it("says the same in the plain-text part: the sentence, Label: value lines and the link", () => {
        const { context, email } = render(presetId);
        const lines = email.text.split("\n");
        expect(lines[0]).toBe(expected.sentence);
        for (const [label, value] of expected.facts) expect(lines).toContain(`${label}: ${value}`);
        expect(lines).toContain(`View event in Hookbell: ${context.eventUrl}`);
        // No runs of blank lines left by conditional blocks, and no markup.
        expect(email.text).not.toMatch(/\n\n\n/);
        expect(email.text).not.toMatch(/<\/?[a-z]+[\s>]/);
      });

      it("is safe for mail clients and readable in dark mode: tables, no scripts, no external assets", () => {
        const { html } = render(presetId).email;
        expect(html).toContain('<meta name="color-scheme" content="light dark">');
        expect(html).toContain('<meta name="supported-color-schemes" content="light dark">');
        const dark = html.match(/@media \(prefers-color-scheme: dark\) \{([\s\S]*?)\n\}/)?.[1] ?? "";
        expect(dark).toMatch(/\.hb-card \{ background-color: #\w+ !important;/);
        expect(dark).toMatch(/\.hb-text \{ color: #\w+ !important; \}/);
        // Each dark rule overrides an element's inline light style through the class it wears.
        expect(html).toMatch(/class="hb-card[^"]*" style="[^"]*background-color:#ffffff/);
        expect(html).toMatch(/<table role="presentation"[^>]*max-width:600px/);
        expect(html).not.toMatch(/<script|<link|<img|src=|url\(|@import|javascript:/i);
      });
    });
  }

  it("escapes the sender's values in the HTML summary and facts", () => {
    const context = sampleTemplateContext("user.created", { now: NOW });
    const data = context.event.data as Record<string, unknown>;
    data.first_name = "<script>alert(1)</script>";
    const preset = listPresets("email").find((candidate) => candidate.id === "user-created");
    if (!preset) throw new Error("no preset");
    const { html, text } = renderEmail(preset.template, context);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Lovelace (ada@example.com) signed up");
    expect(text.split("\n")[0]).toBe("<script>alert(1)</script> Lovelace (ada@example.com) signed up");
  });

  it("shows at most eight of the payload's top-level fields in the generic preset, each cut short", () => {
    const context = sampleTemplateContext("user.updated", { now: NOW });
    context.event.data = Object.fromEntries(
      Array.from({ length: 500 }, (_, index) => [`field_${index}`, index === 0 ? "x".repeat(10_000) : `v${index}`]),
    );
    const preset = listPresets("email").find((candidate) => candidate.id === "generic");
    if (!preset) throw new Error("no preset");
    const { html, text } = renderEmail(preset.template, context);
    const rows = text.split("\n").filter((line) => /^Field \d+: /.test(line));
    expect(rows.map((line) => line.split(":")[0])).toEqual(Array.from({ length: 8 }, (_, index) => `Field ${index}`));
    expect(rows[0].length).toBeLessThan(220);
    expect(rows[0].endsWith("…")).toBe(true);
    expect(html).not.toContain("Field 8");
  });
});
