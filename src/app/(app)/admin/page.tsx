import { redirect } from "next/navigation";
import { NotAllowed } from "@/components/shell/not-allowed";
import { rolesAllowedTo } from "@/core/permissions";
import { currentActor } from "@/server/auth/session";
import { adminHome } from "./admin-home";

/** `/admin` has no content of its own: it opens the admin page the person uses most. */
export default async function AdminIndexPage() {
  const home = adminHome((await currentActor())?.roles ?? []);
  if (home) redirect(home.href);
  return <NotAllowed action={rolesAllowedTo("audit:read").join(" or ")} />;
}
