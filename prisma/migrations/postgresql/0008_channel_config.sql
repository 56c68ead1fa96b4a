-- Channel kinds beyond email and Slack keep their settings in two JSON columns: `config` for what may be
-- shown (a chat id, a URL's host and last characters) and `secretConfig`, sealed, for credentials (a
-- webhook URL, a bot token, a signing secret).
ALTER TABLE "Channel" ADD COLUMN "config" TEXT;
ALTER TABLE "Channel" ADD COLUMN "secretConfig" TEXT;
