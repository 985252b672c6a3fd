// GET|PUT|DELETE /api/admin/prices – the price table for cost reports: defaults and overrides
// (everyone in the console reads it; super-admins change it, as it is one table for the whole key).
import { priceSchema } from "@/lib/admin/inputs";
import { priceOf } from "@/lib/admin/prices";
import { route } from "@/lib/api/handler";
import { deleteModelPrice, setModelPrice } from "@/lib/db/admin-prices";
import { listLedgerModels, listPriceOverrides } from "@/lib/db/admin-reports";
import { loadPriceOverrides } from "@/lib/db/admin-usage";
import { getPrisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = route({ surface: "prices", roles: ["ADMIN", "SUPER_ADMIN"] }, async () => {
  const db = getPrisma();
  const [overrides, rows, seen] = await Promise.all([loadPriceOverrides({ db }), listPriceOverrides({ db }), listLedgerModels({ db })]);
  const models = [...new Set([env.ANTHROPIC_MODEL_FULL, env.ANTHROPIC_MODEL_CONCISE, ...seen, ...rows.map((r) => r.model)])].filter((m) => m !== "offline-tutor").sort();
  return Response.json({ prices: models.map((model) => ({ model, ...priceOf(model, overrides) })) });
});

export const PUT = route({ surface: "prices", roles: ["SUPER_ADMIN"], body: priceSchema }, async ({ user, body }) => {
  return Response.json({ price: await setModelPrice({ db: getPrisma(), actor: user, ...body }) });
});

export const DELETE = route({ surface: "prices", roles: ["SUPER_ADMIN"] }, async ({ req, user }) => {
  const model = new URL(req.url).searchParams.get("model");
  if (!model || model.length > 100) throw new AppError("bad_request:prices", "Name the model whose override to remove (?model=).");
  await deleteModelPrice({ db: getPrisma(), actor: user, model });
  return new Response(null, { status: 204 });
});
