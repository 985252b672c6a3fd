// GET|POST /api/admin/schools – the district's schools with their share of the key; add one with its
// first admin (super-admins).
import { newSchoolSchema } from "@/lib/admin/inputs";
import { route } from "@/lib/api/handler";
import { createSchool, listSchools } from "@/lib/db/admin-schools";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export const GET = route({ surface: "schools", roles: ["SUPER_ADMIN"] }, async () => Response.json({ schools: await listSchools({ db: getPrisma() }) }));

export const POST = route({ surface: "schools", roles: ["SUPER_ADMIN"], body: newSchoolSchema }, async ({ user, body }) => {
  const { school, adminPassword } = await createSchool({ db: getPrisma(), actor: user, input: body });
  return Response.json(
    { school: { id: school.id, slug: school.slug, name: school.name, keyShare: school.keyShare }, adminPassword },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});
