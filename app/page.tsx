import { redirect } from "next/navigation";
import { getTenant } from "@/lib/auth/get-tenant";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  redirect((await getTenant()) ? "/overview" : "/signin");
}
