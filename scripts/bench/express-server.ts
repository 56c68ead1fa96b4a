// Baseline (b) for the ingest bench: the Express + svix handler webhook guides recommend for Clerk,
// verifying only and storing nothing (its event handling and console logging left out). Started by
// ingest-bench.ts with PORT and CLERK_WEBHOOK_SECRET.
import express from "express";
import { Webhook } from "svix";

const port = Number(process.env.PORT);
const app = express();

app.post("/webhooks/clerk", express.raw({ type: "application/json" }), (req, res) => {
  const CLERK_WEBHOOK_SECRET = process.env.CLERK_WEBHOOK_SECRET;
  if (!CLERK_WEBHOOK_SECRET) {
    return res.status(500).json({ error: "Server configuration error" });
  }
  const svixId = req.headers["svix-id"];
  const svixTimestamp = req.headers["svix-timestamp"];
  const svixSignature = req.headers["svix-signature"];
  if (!svixId || !svixTimestamp || !svixSignature) {
    return res.status(400).json({ error: "Missing Svix headers" });
  }
  const wh = new Webhook(CLERK_WEBHOOK_SECRET);
  try {
    wh.verify(req.body, {
      "svix-id": String(svixId),
      "svix-timestamp": String(svixTimestamp),
      "svix-signature": String(svixSignature),
    });
  } catch {
    return res.status(401).json({ error: "Invalid signature" });
  }
  res.status(200).json({ received: true });
});

const server = app.listen(port, "127.0.0.1", () => console.log(`express baseline ready on ${port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
