// The admin console's live parts as the running app uses them, one per process, from env: school
// shares for the governor, monthly standings for the cap, and the alert monitor.
import { getPrisma } from "@/lib/db/client";
import { loadSchoolShares } from "@/lib/db/admin-schools";
import { env } from "@/lib/env";
import { getRedis } from "@/lib/redis/client";
import { governorConfigFromEnv, loadConfigFromEnv } from "@/lib/tutor/governor-port";
import { createAlertMonitor } from "./alerts";
import { createMonthStandings, type MonthStanding } from "./monthly-cap";
import { ttlCache } from "./ttl-cache";

export interface AdminServices {
  /** Never rejects: the last known shares, or none (global limits only) before the first read. */
  schoolShares: () => Promise<Record<string, number>>;
  monthStandings: (schoolId: string) => Promise<MonthStanding>;
  alerts: ReturnType<typeof createAlertMonitor>;
}

/** How long a school's share is cached per instance: a change reaches the governor within this. */
export const SHARES_TTL_MS = 10_000;

const globalRef = globalThis as unknown as { fairtutorAdmin?: AdminServices };

export function getAdminServices(): AdminServices {
  if (!globalRef.fairtutorAdmin) {
    const shares = ttlCache({ load: () => loadSchoolShares({ db: getPrisma() }), ttlMs: SHARES_TTL_MS, onStale: (_k, err) => console.error("[admin] school shares refresh failed; using the last ones", err) });
    const monthStandings = createMonthStandings({ db: getPrisma });
    globalRef.fairtutorAdmin = {
      schoolShares: () =>
        shares("all").catch((err) => {
          console.error("[admin] school shares unavailable; governing by the global limits only", err);
          return {};
        }),
      monthStandings,
      alerts: createAlertMonitor({ db: getPrisma, redis: getRedis(), prefix: `${env.REDIS_PREFIX}:alert`, governor: governorConfigFromEnv(), load: loadConfigFromEnv(), standings: monthStandings }),
    };
  }
  return globalRef.fairtutorAdmin;
}
