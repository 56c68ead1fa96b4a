-- Hookbell initial schema (SQLite). Keep in step with ../postgresql/0001_init.sql and prisma/schema.prisma.
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "Project" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "Membership" (
    "userId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'owner',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("userId", "projectId"),
    CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "Webhook" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provider" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT false,
    "signingSecret" TEXT,
    "previousSigningSecret" TEXT,
    "previousSecretExpiresAt" DATETIME,
    "secretUpdatedAt" DATETIME,
    "eventCount" INTEGER NOT NULL DEFAULT 0,
    "lastEventAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Webhook_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "outcome" TEXT NOT NULL,
    "httpStatus" INTEGER NOT NULL,
    "reasonCode" TEXT,
    "reasonMessage" TEXT,
    "svixId" TEXT,
    "dedupeKey" TEXT,
    "eventType" TEXT,
    "eventObject" TEXT,
    "secretSlot" TEXT,
    "headers" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "bodySize" INTEGER NOT NULL,
    "bodyTruncated" BOOLEAN NOT NULL DEFAULT false,
    "sourceIp" TEXT,
    "duplicateCount" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Event_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Event_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "Membership_projectId_idx" ON "Membership"("projectId");
CREATE INDEX "Webhook_projectId_createdAt_idx" ON "Webhook"("projectId", "createdAt");
CREATE UNIQUE INDEX "Event_webhookId_dedupeKey_key" ON "Event"("webhookId", "dedupeKey");
CREATE INDEX "Event_projectId_id_idx" ON "Event"("projectId", "id");
CREATE INDEX "Event_webhookId_id_idx" ON "Event"("webhookId", "id");
CREATE INDEX "Event_webhookId_outcome_id_idx" ON "Event"("webhookId", "outcome", "id");
CREATE INDEX "Event_projectId_eventType_id_idx" ON "Event"("projectId", "eventType", "id");
CREATE INDEX "Event_projectId_outcome_id_idx" ON "Event"("projectId", "outcome", "id");
