import { redirect } from "next/navigation";
import { getSession } from "@/server/auth/get-session";

export default async function Home() {
  const session = await getSession();
  redirect(session ? (session.user.role === "reseller" ? "/reseller/customers" : "/webhooks") : "/sign-in");
}
