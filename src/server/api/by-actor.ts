import type { Actor } from "@/server/services/actor";

/** What most use-cases take: who acts, the checked input and the request's clock. */
export type ActorService<I, R> = (actor: Actor, input: I, now: Date) => Promise<R>;

/**
 * The resolver of a procedure whose use-case takes who acts, its input and the request's time:
 * `.mutation(byActor(cancelSlice))`. A service that needs no clock simply ignores the third argument.
 */
export function byActor<I, R>(service: ActorService<I, R>) {
  return ({ ctx, input }: { ctx: { actor: Actor; now: Date }; input: I }) => service(ctx.actor, input, ctx.now);
}
