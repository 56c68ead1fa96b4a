-- Each webhook carries an environment label (production, test, or any text) so test traffic is never
-- mistaken for production.
ALTER TABLE "Webhook" ADD COLUMN "environment" TEXT NOT NULL DEFAULT 'production';
