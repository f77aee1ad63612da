import { pingDatabase } from "@/server/db/health";

export async function databaseHealthy(): Promise<boolean> {
  try {
    await pingDatabase();
    return true;
  } catch {
    return false;
  }
}
