-- The channels that did not alert on an event move from a Delivery row each ("filtered") to one JSON
-- column on the event: [{ id, channelId, kind, trigger, reason, at }] in the rows' id order. Every row's
-- information is kept (its id, channel, kind, trigger, reason and createdAt; its project, webhook and event
-- are the event's, its status "filtered" and completedAt its createdAt).
ALTER TABLE "Event" ADD COLUMN "notAlerted" TEXT;

UPDATE "Event" SET "notAlerted" = (
  SELECT json_group_array(json_object(
    'id', d."id", 'channelId', d."channelId", 'kind', d."kind", 'trigger', d."trigger",
    'reason', d."statusReason", 'at', d."createdAt"))
  FROM (SELECT * FROM "Delivery" WHERE "eventId" = "Event"."id" AND "status" = 'filtered' ORDER BY "id") AS d
)
WHERE "id" IN (SELECT "eventId" FROM "Delivery" WHERE "status" = 'filtered');

DELETE FROM "Delivery" WHERE "status" = 'filtered';
