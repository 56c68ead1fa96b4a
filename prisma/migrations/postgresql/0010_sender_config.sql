-- Settings of a webhook's sender beyond its secret, as a JSON object (lib/senders: Custom HMAC's header,
-- algorithm and encoding; the header a Supabase database webhook sends its secret in). Null for senders
-- without settings, which is every webhook so far.
ALTER TABLE "Webhook" ADD COLUMN "senderConfig" TEXT;
