// /api/v1/* — the public REST API. A thin adapter: routing, auth, validation and answers live in lib/api.
import { handleApiRequest } from "@/lib/api/handle-api-request";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  return handleApiRequest(request);
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
