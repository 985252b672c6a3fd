import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/config";
import { HOME_FOR_ROLE } from "@/lib/auth/roles";

// / – send each role to its home, everyone else to sign in.
export default async function Home() {
  const session = await auth();
  redirect(session?.user?.role ? HOME_FOR_ROLE[session.user.role] : "/login");
}
