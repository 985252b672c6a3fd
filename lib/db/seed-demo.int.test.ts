// The demo seed is deterministic and idempotent, scales to 2,000 students, and never overwrites an account.
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createPrisma } from "./client";
import { seedDemo } from "./seed-demo";
import { createTestDatabase, testDatabaseKinds } from "./test-db";

const kinds = await testDatabaseKinds();

describe.each(kinds)("seedDemo on %s PostgreSQL", (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it("seeds 2,000 students twice with the same result and keeps changed accounts", async () => {
    const database = await createTestDatabase({ kind });
    const db = createPrisma(database.url, 4);
    cleanups.push(database.drop, () => db.$disconnect());
    const opts = { students: 2_000, classes: 40, password: "seed-pass-123" };
    await seedDemo(db, opts);
    const counts = async () => ({
      users: await db.user.count(),
      students: await db.user.count({ where: { role: "STUDENT" } }),
      classes: await db.class.count(),
      enrollments: await db.enrollment.count(),
      teaching: await db.teachingAssignment.count(),
    });
    const first = await counts();
    expect(first).toMatchObject({ students: 2_000, classes: 40, enrollments: 2_000, teaching: 40 });

    const s1 = await db.user.findUniqueOrThrow({ where: { email: "student0001@demo.test" }, select: { id: true, passwordHash: true } });
    expect(await verifyPassword("seed-pass-123", s1.passwordHash)).toBe(true);
    await db.user.update({ where: { id: s1.id }, data: { active: false, name: "Renamed" } });

    await seedDemo(db, opts);
    expect(await counts()).toEqual(first);
    const again = await db.user.findUniqueOrThrow({ where: { email: "student0001@demo.test" }, select: { id: true, active: true, name: true } });
    expect(again).toEqual({ id: s1.id, active: false, name: "Renamed" });
    // Every student is in exactly one class and every class has a teacher.
    expect(await db.class.count({ where: { teachers: { none: {} } } })).toBe(0);
  });
});
