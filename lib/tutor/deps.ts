// The real world wired into the tutor pipeline: PostgreSQL, Redis, Anthropic (or none), the offline
// tutor and the ledger. createTutorDeps() takes everything explicitly (tests, scripts);
// getTutorDeps() is the app's one instance, from env. Everything shared lives in Redis or PostgreSQL.
import { randomUUID } from "node:crypto";
import type Anthropic from "@anthropic-ai/sdk";
import type { Redis } from "@upstash/redis";
import { applyMonthlyCap } from "@/lib/admin/monthly-cap";
import { getAdminServices, type AdminServices } from "@/lib/admin/wiring";
import { createAnthropic } from "@/lib/ai/client";
import { checkMessageLimit, defaultPolicy, peekBudget, reconcileTokens, reserveTokens, resolvePolicy, type EffectivePolicy } from "@/lib/budget";
import { getPrisma, type Db } from "@/lib/db/client";
import { getConversationContext } from "@/lib/db/conversations";
import { loadPolicyLayers } from "@/lib/db/policies";
import { getStudentProfile } from "@/lib/db/students";
import { env } from "@/lib/env";
import { streamOfflineTutor } from "@/lib/fallback";
import type { GovernorConfig } from "@/lib/governor/config";
import type { LoadConfig } from "@/lib/load/config";
import { Ledger } from "@/lib/ledger/ledger";
import { getRedis } from "@/lib/redis/client";
import { createGovernorPort, governorConfigFromEnv, loadConfigFromEnv } from "./governor-port";
import { createModelPort } from "./model";
import type { PrepareDeps } from "./prepare";
import type { OfflinePort } from "./ports";

export interface TutorDepsOptions {
  db: () => Db;
  redis: Redis;
  ledger: Ledger;
  anthropic: Anthropic | null;
  governor: GovernorConfig;
  load: LoadConfig;
  maxWaitMs: number;
  deadlineMs: number;
  defaults: EffectivePolicy;
  /** School shares for the governor, the monthly cap and alert checks; absent = none of them. */
  admin?: AdminServices;
}

const offline: OfflinePort = (input) => {
  const { reply, chunks } = streamOfflineTutor(input);
  return { text: reply.text, flag: reply.flag, chunks };
};

export function createTutorDeps(o: TutorDepsOptions): PrepareDeps {
  const { redis } = o;
  return {
    now: () => Date.now(),
    newId: () => randomUUID(),
    deadlineMs: o.deadlineMs,
    loadStudent: (studentId) => getStudentProfile({ db: o.db(), studentId }),
    async loadPolicy(student) {
      try {
        const layers = await loadPolicyLayers({ db: o.db(), schoolId: student.schoolId, classId: student.classId, studentId: student.id, gradeLevel: student.gradeLevel });
        if (!o.admin) return resolvePolicy(layers, o.defaults);
        o.admin.alerts.check(student.schoolId);
        return applyMonthlyCap(resolvePolicy(layers, o.defaults), await o.admin.monthStandings(student.schoolId).catch(() => null));
      } catch (err) {
        console.error("[tutor] budget policy unavailable; using defaults", err);
        return o.defaults;
      }
    },
    checkMessageLimit: (studentId, policy) => checkMessageLimit({ redis, studentId, policy }),
    async loadConversation(studentId, conversationId) {
      if (!conversationId) return { id: randomUUID(), isNew: true, history: [] };
      try {
        const found = await getConversationContext({ db: o.db(), studentId, conversationId });
        return found ? { ...found, isNew: false } : "not_found";
      } catch (err) {
        // Ownership can't be checked without the database, so the answer starts a new conversation.
        console.error("[tutor] conversation unavailable; starting a new one", err);
        return { id: randomUUID(), isNew: true, history: [] };
      }
    },
    budget: {
      reserve: (studentId, policy, tokens) => reserveTokens({ redis, studentId, policy, tokens }),
      reconcile: (studentId, policy, r) => reconcileTokens({ redis, studentId, policy, ...r }),
      peek: (studentId, policy) => peekBudget({ redis, studentId, policy }),
    },
    governor: createGovernorPort({ redis, governor: o.governor, load: o.load, maxWaitMs: o.maxWaitMs, schoolShares: o.admin?.schoolShares }),
    model: o.anthropic ? createModelPort(o.anthropic) : null,
    offline,
    record: (turn) => o.ledger.record(turn),
  };
}

const globalRef = globalThis as unknown as { fairtutorDeps?: PrepareDeps; fairtutorLedger?: Ledger };

export function getLedger(): Ledger {
  globalRef.fairtutorLedger ??= new Ledger({ db: getPrisma, redis: getRedis(), prefix: env.REDIS_PREFIX, log: (msg, err) => console.error(`[${msg}]`, err ?? "") });
  return globalRef.fairtutorLedger;
}

export function getTutorDeps(): PrepareDeps {
  if (!globalRef.fairtutorDeps) {
    const ledger = getLedger();
    ledger.startRetrying();
    globalRef.fairtutorDeps = createTutorDeps({
      db: getPrisma,
      redis: getRedis(),
      ledger,
      anthropic: env.ANTHROPIC_API_KEY ? createAnthropic({ apiKey: env.ANTHROPIC_API_KEY, baseURL: env.ANTHROPIC_BASE_URL }) : null,
      governor: governorConfigFromEnv(),
      load: loadConfigFromEnv(),
      maxWaitMs: env.GOVERNOR_MAX_WAIT_MS,
      deadlineMs: env.TUTOR_DEADLINE_MS,
      defaults: defaultPolicy(env),
      admin: getAdminServices(),
    });
  }
  return globalRef.fairtutorDeps;
}

/** The signed-in student's budget for the meter, without consuming anything. */
export async function peekStudentBudget(studentId: string): Promise<import("./types").BudgetSnapshot | null> {
  const deps = getTutorDeps();
  const student = await deps.loadStudent(studentId);
  if (!student) return null;
  return deps.budget.peek(student.id, await deps.loadPolicy(student));
}
