import { redirect } from "next/navigation";

/**
 * Home is the inventory: what machines there are and who holds which GPU. Outside the signed-in
 * layout (and its loading boundary) so the redirect is a plain 307, not a client-side one after
 * a first render, which a sign-in landing here would otherwise wait for.
 */
export default function Home() {
  redirect("/inventory");
}
