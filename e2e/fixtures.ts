// Playwright fixtures: each test gets its own school (a teacher, a class, two students) created
// through Prisma with unique names, signs in through the Auth.js API rather than the UI, and the
// school is deleted afterwards (cascading to everything it owns).
import { test as base, expect, type APIRequestContext } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { createPrisma, type Db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";

export const PASSWORD = "e2e-password-123";

export interface World {
  schoolId: string;
  classId: string;
  teacher: { id: string; email: string };
  admin: { id: string; email: string };
  students: { id: string; email: string }[];
}

let dbSingleton: Db | null = null;
export function db(): Db {
  const url = process.env.DATABASE_URL;
  if (!url || !/127\.0\.0\.1|localhost/.test(url)) throw new Error("e2e tests only run against a local database (DATABASE_URL on 127.0.0.1).");
  dbSingleton ??= createPrisma(url, 2);
  return dbSingleton;
}

let hash: Promise<string> | null = null;

export async function createWorld(tag = randomBytes(4).toString("hex")): Promise<World> {
  hash ??= hashPassword(PASSWORD);
  const passwordHash = await hash;
  const school = await db().school.create({ data: { slug: `e2e-${tag}`, name: `E2E School ${tag}` } });
  const mk = (email: string, role: "STUDENT" | "TEACHER" | "ADMIN", gradeLevel: number | null = null) =>
    db().user.create({ data: { email, name: `${role.toLowerCase()} ${tag}`, role, gradeLevel, passwordHash, schoolId: school.id }, select: { id: true, email: true } });
  const [teacher, admin, s1, s2] = await Promise.all([
    mk(`teacher-${tag}@e2e.test`, "TEACHER"),
    mk(`admin-${tag}@e2e.test`, "ADMIN"),
    mk(`student-a-${tag}@e2e.test`, "STUDENT", 7),
    mk(`student-b-${tag}@e2e.test`, "STUDENT", 7),
  ]);
  const cls = await db().class.create({
    data: {
      schoolId: school.id,
      name: `Maths ${tag}`,
      subject: "Maths",
      gradeLevel: 7,
      teachers: { create: { teacherId: teacher.id } },
      enrollments: { create: [{ studentId: s1.id }, { studentId: s2.id }] },
    },
  });
  return { schoolId: school.id, classId: cls.id, teacher, admin, students: [s1, s2] };
}

export async function destroyWorld(w: World) {
  await db().school.delete({ where: { id: w.schoolId } }).catch(() => undefined);
}

/** Signs in through Auth.js's credentials endpoint; the request context keeps the session cookie. */
export async function apiSignIn(request: APIRequestContext, email: string, password = PASSWORD) {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.user?.email).toBe(email);
}

export const test = base.extend<{ world: World; world2: World }>({
  world: async ({}, use) => {
    const w = await createWorld();
    await use(w);
    await destroyWorld(w);
  },
  world2: async ({}, use) => {
    const w = await createWorld();
    await use(w);
    await destroyWorld(w);
  },
});

export { expect };

/** The Anthropic simulator that scripts/test.ts started for this run (SIM_ADMIN_URL). */
function simulatorUrl(): string {
  const url = process.env.SIM_ADMIN_URL;
  if (!url) throw new Error("SIM_ADMIN_URL is not set (run through npm test)");
  return url;
}

export async function configureSimulator(patch: object): Promise<void> {
  const res = await fetch(`${simulatorUrl()}/_sim/config`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(patch) });
  expect(res.ok).toBe(true);
}

export async function simulatorConfig(): Promise<{ rpm: number }> {
  return (await (await fetch(`${simulatorUrl()}/_sim/config`)).json()) as { rpm: number };
}
