-- The log's pages read an event's outcome and type from two covering indexes, in the id (time) order they
-- page in, instead of five indexes of which three put the outcome or the type first. Every accepted event
-- wrote an entry into each of the five; the type-first one took an entry at a different place for each event
-- type, so one ingest transaction rewrote a page of it per type it stored.
DROP INDEX "Event_projectId_id_idx";
DROP INDEX "Event_webhookId_id_idx";
DROP INDEX "Event_webhookId_outcome_id_idx";
DROP INDEX "Event_projectId_eventType_id_idx";
DROP INDEX "Event_projectId_outcome_id_idx";
CREATE INDEX "Event_projectId_id_outcome_eventType_idx" ON "Event"("projectId", "id", "outcome", "eventType");
CREATE INDEX "Event_webhookId_id_outcome_eventType_idx" ON "Event"("webhookId", "id", "outcome", "eventType");
