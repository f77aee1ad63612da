import type { NextRequest } from "next/server";
import { handlers } from "./config";
import { withSignInDiagnosis } from "./diagnosis";

export const GET = (req: NextRequest) => withSignInDiagnosis(() => handlers.GET(req));
export const POST = (req: NextRequest) => withSignInDiagnosis(() => handlers.POST(req));
