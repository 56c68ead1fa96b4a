-- The channels that did not alert on an event move from a Delivery row each ("filtered") to one JSON
-- column on the event: [{ id, channelId, kind, trigger, reason, at }] in the rows' id order. Every row's
-- information is kept (its id, channel, kind, trigger, reason and createdAt; its project, webhook and event
-- are the event's, its status "filtered" and completedAt its createdAt).
ALTER TABLE "Event" ADD COLUMN "notAlerted" TEXT;

UPDATE "Event" AS e SET "notAlerted" = d."list"
FROM (
  SELECT "eventId", json_agg(json_build_object(
    'id', "id", 'channelId', "channelId", 'kind', "kind", 'trigger', "trigger",
    'reason', "statusReason", 'at', to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY "id")::text AS "list"
  FROM "Delivery" WHERE "status" = 'filtered' GROUP BY "eventId"
) AS d
WHERE e."id" = d."eventId";

DELETE FROM "Delivery" WHERE "status" = 'filtered';
