// The deployment's price overrides (one Anthropic key, one price list), edited by super-admins. Audited.
import { normalizeModel } from "@/lib/admin/prices";
import type { SessionUser } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { writeAudit } from "./admin-audit";
import type { Db } from "./client";

const SELECT = { model: true, inputPerMTok: true, outputPerMTok: true } as const;

export async function setModelPrice({ db, actor, model, inputPerMTok, outputPerMTok }: { db: Db; actor: SessionUser; model: string; inputPerMTok: number; outputPerMTok: number }) {
  const id = normalizeModel(model);
  return db.$transaction(async (tx) => {
    const before = await tx.modelPrice.findUnique({ where: { model: id }, select: SELECT });
    const after = await tx.modelPrice.upsert({ where: { model: id }, create: { model: id, inputPerMTok, outputPerMTok }, update: { inputPerMTok, outputPerMTok }, select: SELECT });
    await writeAudit({ tx, entry: { actor, schoolId: null, action: "price.update", targetType: "ModelPrice", targetId: id, before, after } });
    return after;
  });
}

export async function deleteModelPrice({ db, actor, model }: { db: Db; actor: SessionUser; model: string }) {
  const id = normalizeModel(model);
  await db.$transaction(async (tx) => {
    const before = await tx.modelPrice.findUnique({ where: { model: id }, select: SELECT });
    if (!before) throw new AppError("not_found:prices", "That model has no price override.");
    await tx.modelPrice.delete({ where: { model: id } });
    await writeAudit({ tx, entry: { actor, schoolId: null, action: "price.delete", targetType: "ModelPrice", targetId: id, before, after: null } });
  });
}
