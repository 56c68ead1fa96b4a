import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** Renders the 404 page when a lib lookup says "not found" (missing, or another project's). */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
