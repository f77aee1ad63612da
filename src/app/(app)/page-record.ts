import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/** The record a page is about: a malformed or unknown id in its URL is a 404, not an error page. */
export async function pageRecord<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
