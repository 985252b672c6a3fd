// Sessions for the admin e2e specs: API contexts signed in as any role, each from its own client IP
// (x-forwarded-for) so the per-IP sign-in limit never couples tests; and a district super-admin.
import { request as pwRequest, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { apiSignIn, db, PASSWORD } from "../fixtures";

let ipCounter = 0;
function freshIp(): string {
  ipCounter += 1;
  return `10.${randomBytes(1)[0]}.${Math.floor(ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;
}

/** An API context signed in as `email` (null: no session). */
export async function apiAs(baseURL: string | undefined, email: string | null): Promise<APIRequestContext> {
  const ctx = await pwRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": freshIp() } });
  if (email) await apiSignIn(ctx, email);
  return ctx;
}

/** Signs a browser context in through the API; its pages share the session cookie. */
export async function browserAs(context: BrowserContext, email: string): Promise<void> {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": freshIp() });
  await apiSignIn(context.request, email);
}

/** A super-admin (no school) for one test; remove() deletes them again. */
export async function createSuperAdmin(): Promise<{ id: string; email: string; remove: () => Promise<void> }> {
  const email = `district-${randomBytes(4).toString("hex")}@e2e.test`;
  const user = await db().user.create({ data: { email, name: "District Admin", role: "SUPER_ADMIN", schoolId: null, passwordHash: await hashPassword(PASSWORD) }, select: { id: true } });
  return { id: user.id, email, remove: async () => void (await db().user.delete({ where: { id: user.id } }).catch(() => undefined)) };
}
