import { SchoolsEditor } from "@/components/admin/schools-editor";
import { PageTitle } from "@/components/admin/ui";
import { requirePageRole } from "@/lib/auth/guards";
import { listSchools } from "@/lib/db/admin-schools";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

// /admin/schools – the district's schools and their fair share of the shared key (super-admins).
export default async function SchoolsPage() {
  await requirePageRole(["SUPER_ADMIN"]);
  return (
    <>
      <PageTitle title="Schools & key shares" subtitle="One Anthropic key serves every school; shares keep one school's rush from starving the others." />
      <SchoolsEditor schools={await listSchools({ db: getPrisma() })} />
    </>
  );
}
