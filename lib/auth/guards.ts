// Page guards: a page calls requirePageRole() first; the wrong role is sent to its own home.
import { redirect } from "next/navigation";
import { auth } from "./config";
import { HOME_FOR_ROLE, type Role, type SessionUser } from "./roles";

export async function requirePageRole(roles: readonly Role[]): Promise<SessionUser> {
  const session = await auth();
  const u = session?.user;
  if (!u?.id) redirect("/login");
  if (!roles.includes(u.role)) redirect(HOME_FOR_ROLE[u.role]);
  return { id: u.id, role: u.role, schoolId: u.schoolId, name: u.name ?? "", email: u.email ?? "" };
}

