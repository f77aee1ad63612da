import { redirect } from "next/navigation";

/** Home is the inventory: what machines there are and who holds which GPU. */
export default function Home() {
  redirect("/inventory");
}
