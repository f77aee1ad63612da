import { redirect } from "next/navigation";

/** Home is the profile until the inventory exists. */
export default function Home() {
  redirect("/profile");
}
