-- Any number of channels per webhook, conditions on the payload, and a template set per channel: a default
-- ("*") and an override per event type. Each channel keeps rendering exactly what it rendered before: one
-- with a chosen preset or an edited copy gets a "*" row holding it; "auto" without edits gets none.
CREATE TABLE "ChannelTemplate" (
    "id" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "presetId" TEXT,
    "title" TEXT,
    "body" TEXT,
    "text" TEXT,
    "facts" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ChannelTemplate_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ChannelTemplate_channelId_eventType_key" ON "ChannelTemplate"("channelId", "eventType");
CREATE INDEX "ChannelTemplate_projectId_idx" ON "ChannelTemplate"("projectId");

-- An edited copy was whole: an email's missing subject or text rendered "", a Slack message had only its text.
INSERT INTO "ChannelTemplate" ("id", "channelId", "projectId", "eventType", "presetId", "title", "body", "text", "facts", "updatedAt")
SELECT
    'tpl_' || "id",
    "id",
    "projectId",
    '*',
    CASE WHEN "templatePreset" = 'auto' THEN NULL ELSE "templatePreset" END,
    CASE WHEN "templateBody" IS NULL THEN NULL WHEN "kind" = 'email' THEN coalesce("templateSubject", '') ELSE '' END,
    "templateBody",
    CASE WHEN "templateBody" IS NULL THEN NULL WHEN "kind" = 'email' THEN coalesce("templateText", '') ELSE '' END,
    CASE WHEN "templateBody" IS NULL THEN NULL ELSE '' END,
    "updatedAt"
FROM "Channel"
WHERE "templatePreset" <> 'auto' OR "templateBody" IS NOT NULL;

DROP INDEX "Channel_webhookId_kind_key";
CREATE INDEX "Channel_webhookId_idx" ON "Channel"("webhookId");

ALTER TABLE "ChannelTemplate" ADD CONSTRAINT "ChannelTemplate_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ChannelTemplate" ADD CONSTRAINT "ChannelTemplate_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Channel" ADD COLUMN "conditions" TEXT;
ALTER TABLE "Channel" DROP COLUMN "templatePreset";
ALTER TABLE "Channel" DROP COLUMN "templateSubject";
ALTER TABLE "Channel" DROP COLUMN "templateBody";
ALTER TABLE "Channel" DROP COLUMN "templateText";
