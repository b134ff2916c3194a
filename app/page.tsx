import { redirect } from "next/navigation";
import { getSession } from "@/server/auth/get-session";

export default async function Home() {
  const session = await getSession();
  redirect(session ? "/overview" : "/sign-in");
}
