import { handleTrpcRequest } from "@/server/api/trpc-handler";
import { currentActor } from "@/server/auth/session";

function handler(req: Request) {
  return handleTrpcRequest(req, currentActor);
}

export { handler as GET, handler as POST };
