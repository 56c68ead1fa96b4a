// POST /api/ingest/{webhookId} — the public URL pasted into Clerk. A thin adapter over lib/ingest.
import { getDb } from "@/lib/db/client";
import { ingestRequest } from "@/lib/ingest/ingest-request";
import { limitIngest } from "@/lib/ingest/limit-ingest";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ webhookId: string }> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  const { webhookId } = await params;
  const sourceIp = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim().slice(0, 64) || undefined;
  const outcome =
    (await limitIngest(getDb(), { webhookId, sourceIp, headers: request.headers })) ??
    (await ingestRequest(getDb(), {
      webhookId,
      method: request.method,
      headers: request.headers,
      body: request.body as AsyncIterable<Uint8Array> | null,
      sourceIp,
    }));
  return Response.json(outcome.body, { status: outcome.status, headers: outcome.headers });
}

export { handle as POST, handle as GET, handle as PUT, handle as PATCH, handle as DELETE };
