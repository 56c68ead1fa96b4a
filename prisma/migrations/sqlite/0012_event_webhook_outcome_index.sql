-- Back beside the covering indexes of 0011: the log keeps at most HOOKBELL_REJECTED_LOG_LIMIT rejected (and
-- duplicate) requests per webhook, trimming after each one it records. That trim finds the newest rows of one
-- outcome; walking the webhook's events in id order instead would read every accepted event of a webhook
-- with few rejections, for every rejected request.
CREATE INDEX "Event_webhookId_outcome_id_idx" ON "Event"("webhookId", "outcome", "id");
