import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { templateFor } from "@/lib/channels/template-for";
import { getDb } from "@/lib/db/client";
import { migrateDatabase, readMigrations } from "@/lib/db/migrate";
import { sqliteFilePath } from "@/lib/db/sqlite-path";
import { getEnv } from "@/lib/env";
import type { AlertTemplate } from "@/lib/templates/alert-template";
import { getPreset, presetForEvent } from "@/lib/templates/presets";
import { renderEmail } from "@/lib/templates/render-email";
import { renderSlackMessage } from "@/lib/templates/render-slack";
import { runRenderJob } from "@/lib/templates/run-render-job";
import { sampleTemplateContext } from "@/lib/templates/sample-context";
import { isPostgresRun } from "../helpers/test-db";

// 0007 moves each channel's one template into its template set. A database at 0006 with channels of every
// shape is migrated, and each channel must render, for every event type, exactly what it rendered before:
// its edited copy, or the preset it chose (as that preset now reads).

const BEFORE = "0007_channel_templates";
type OldChannel = {
  id: string;
  kind: "email" | "slack";
  templatePreset: string;
  templateSubject: string | null;
  templateBody: string | null;
  templateText: string | null;
};

const CHANNELS: OldChannel[] = [
  {
    id: "ch_auto_email",
    kind: "email",
    templatePreset: "auto",
    templateSubject: null,
    templateBody: null,
    templateText: null,
  },
  {
    id: "ch_generic_email",
    kind: "email",
    templatePreset: "generic",
    templateSubject: null,
    templateBody: null,
    templateText: null,
  },
  {
    id: "ch_edited_email",
    kind: "email",
    templatePreset: "auto",
    templateSubject: "🔔 {{eventType}}",
    templateBody: "<p>{{eventType}} for {{webhook.name}}</p>",
    templateText: "{{eventType}}",
  },
  {
    id: "ch_edited_no_subject",
    kind: "email",
    templatePreset: "user-created",
    templateSubject: null,
    templateBody: "<p>only a body</p>",
    templateText: null,
  },
  {
    id: "ch_edited_slack",
    kind: "slack",
    templatePreset: "auto",
    templateSubject: null,
    templateBody: ":bell: {{eventType}}",
    templateText: null,
  },
  {
    id: "ch_session_slack",
    kind: "slack",
    templatePreset: "session-created",
    templateSubject: null,
    templateBody: null,
    templateText: null,
  },
  {
    id: "ch_auto_slack",
    kind: "slack",
    templatePreset: "auto",
    templateSubject: null,
    templateBody: null,
    templateText: null,
  },
];

/** What 0006's worker rendered: the edited copy whole, else the chosen preset, else the type's own. */
function renderedBefore(channel: OldChannel, eventType: string) {
  const context = sampleTemplateContext(eventType, { now: new Date("2026-11-02T10:00:00Z") });
  const preset =
    (channel.templatePreset !== "auto" && getPreset(channel.kind, channel.templatePreset)) ||
    presetForEvent(channel.kind, eventType);
  if (channel.kind === "email") {
    const template: AlertTemplate =
      channel.templateBody !== null
        ? {
            title: channel.templateSubject ?? "",
            body: channel.templateBody,
            text: channel.templateText ?? "",
            facts: "",
          }
        : preset.template;
    return { context, email: renderEmail(template, context) };
  }
  // A chosen preset stays that preset, in all its parts; an edited copy (one text before templates had
  // parts) stays that text.
  if (channel.templateBody === null) return { context, slack: renderSlackMessage(preset.template, context) };
  const template: AlertTemplate = { title: "", body: channel.templateBody, text: "", facts: "" };
  return { context, slack: renderSlackMessage(template, context) };
}

async function execute(statements: string[]): Promise<void> {
  const url = getEnv().DATABASE_URL;
  if (isPostgresRun) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const sql of statements) await client.query(sql);
    } finally {
      await client.end();
    }
    return;
  }
  const db = new Database(sqliteFilePath(url));
  try {
    for (const sql of statements) db.exec(sql);
  } finally {
    db.close();
  }
}

const quote = (value: string | null) => (value === null ? "NULL" : `'${value.replaceAll("'", "''")}'`);

describe("migration 0007: template sets", () => {
  it("gives each existing channel a template set that renders exactly what it rendered before", async () => {
    const provider = isPostgresRun ? "postgresql" : "sqlite";
    const earlier = readMigrations(provider).filter((migration) => migration.name < BEFORE);
    await execute([
      ...earlier.map((migration) => migration.sql),
      `CREATE TABLE "_hookbell_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`,
      ...earlier.map((migration) => `INSERT INTO "_hookbell_migrations" VALUES ('${migration.name}', 'test')`),
      `INSERT INTO "Project" ("id", "name") VALUES ('prj_m', 'Migrated')`,
      // Before 0007 a webhook had at most one channel per kind: one webhook per channel here.
      ...CHANNELS.map(
        (c) =>
          `INSERT INTO "Webhook" ("id", "projectId", "name", "updatedAt") VALUES ('wh_${c.id}', 'prj_m', 'Production Clerk', CURRENT_TIMESTAMP)`,
      ),
      ...CHANNELS.map(
        (c, index) =>
          `INSERT INTO "Channel" ("id", "projectId", "webhookId", "kind", "isEnabled", "name", "templatePreset",
             "templateSubject", "templateBody", "templateText", "updatedAt")
           VALUES ('${c.id}', 'prj_m', 'wh_${c.id}', '${c.kind}', true, 'c${index}', '${c.templatePreset}',
             ${quote(c.templateSubject)}, ${quote(c.templateBody)}, ${quote(c.templateText)}, CURRENT_TIMESTAMP)`,
      ),
    ]);

    // 0007 and every migration after it.
    expect((await migrateDatabase(getEnv().DATABASE_URL))[0]).toBe(BEFORE);

    const db = getDb();
    const migrated = await db.channel.findMany({ where: { projectId: "prj_m" }, include: { templates: true } });
    // "auto" without edits has no rows at all: it keeps following each type's preset.
    expect(Object.fromEntries(migrated.map((c) => [c.id, c.templates.length]))).toEqual({
      ch_auto_email: 0,
      ch_generic_email: 1,
      ch_edited_email: 1,
      ch_edited_no_subject: 1,
      ch_edited_slack: 1,
      ch_session_slack: 1,
      ch_auto_slack: 0,
    });
    for (const old of CHANNELS) {
      const channel = migrated.find((candidate) => candidate.id === old.id);
      if (!channel) throw new Error(`${old.id} lost`);
      for (const eventType of [
        "user.created",
        "session.created",
        "organization.created",
        "user.deleted",
        "email.created",
      ]) {
        const before = renderedBefore(old, eventType);
        const { template } = templateFor(channel, eventType);
        const after = runRenderJob({ op: "render", kind: old.kind, template, context: before.context });
        expect(after.problems, `${old.id} ${eventType}`).toEqual([]);
        if (old.kind === "email") expect(after.email, `${old.id} ${eventType}`).toEqual(before.email);
        else expect(after.slack, `${old.id} ${eventType}`).toEqual(before.slack);
      }
    }
  });
});
