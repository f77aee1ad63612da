import { claimDelivery, markDeliveryFailed, markDeliverySent } from "@/server/db/notifications";
import type { Db } from "@/server/db/tx";
import type { Senders } from "./senders";

export type DeliveryOutcome = "sent" | "already-done";

/**
 * Sends one queued delivery. A delivery already sent (its job retried after a crash between the
 * send and the job's completion) is not sent again. A failure is recorded on the delivery and
 * rethrown, so the job retries with backoff; the last try marks the delivery failed.
 */
export async function deliverOne(client: Db, senders: Senders, deliveryId: string, options: { now: () => Date; finalAttempt: boolean }): Promise<DeliveryOutcome> {
  const delivery = await claimDelivery(client, deliveryId);
  if (!delivery) return "already-done";
  try {
    await senders.send(delivery);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await markDeliveryFailed(client, deliveryId, message, options.finalAttempt);
    throw error;
  }
  await markDeliverySent(client, deliveryId, options.now());
  return "sent";
}
