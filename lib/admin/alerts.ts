// The alert monitor: checks thresholds cheaply and off the request path (after a turn is recorded,
// and when the ops view polls), raises each crossing once across every instance (Redis SET NX on the
// crossing key), stores an in-app notification and posts the signed webhook. Never throws into a turn.
import type { Redis } from "@upstash/redis";
import type { Db } from "@/lib/db/client";
import { createNotification, listWebhookTargets } from "@/lib/db/admin-notifications";
import type { GovernorConfig } from "@/lib/governor/config";
import type { LoadConfig } from "@/lib/load/config";
import { readSignals } from "@/lib/load/signals";
import { currentLoad } from "@/lib/load/state";
import { monthlyCapAlerts, peakLoadAlert, providerAlert, type AlertCandidate } from "./alert-rules";
import type { MonthStanding } from "./monthly-cap";
import { sendWebhook } from "./webhook";

export interface AlertDeps {
  db: () => Db;
  redis: Redis;
  /** Redis key prefix, e.g. `${env.REDIS_PREFIX}:alert`. */
  prefix: string;
  governor: GovernorConfig;
  load: LoadConfig;
  standings: (schoolId: string) => Promise<MonthStanding>;
  now?: () => number;
  send?: typeof sendWebhook;
}

/** Raises the alert unless this crossing already was; true when this call raised it. */
export async function raiseAlert(deps: AlertDeps, alert: AlertCandidate): Promise<boolean> {
  const key = `${deps.prefix}:${alert.key}`;
  const first = await deps.redis.set(key, String(deps.now?.() ?? Date.now()), { nx: true, ex: alert.ttlSeconds });
  if (first !== "OK") return false;
  try {
    await createNotification({ db: deps.db(), alert });
  } catch (err) {
    // Not stored: forget the crossing so the next check raises it again.
    await deps.redis.del(key).catch(() => undefined);
    throw err;
  }
  void deliver(deps, alert);
  return true;
}

async function deliver(deps: AlertDeps, alert: AlertCandidate): Promise<void> {
  try {
    const targets = await listWebhookTargets({ db: deps.db(), schoolId: alert.schoolId });
    const payload = { kind: alert.kind, title: alert.title, body: alert.body, data: alert.data, schoolId: alert.schoolId, at: new Date(deps.now?.() ?? Date.now()).toISOString() };
    const send = deps.send ?? sendWebhook;
    const results = await Promise.all(targets.map((t) => send({ url: t.url, secret: t.secret, payload: { ...payload, deliveredTo: t.schoolId } })));
    results.forEach((r, i) => !r.ok && console.error(`[alerts] webhook for school ${targets[i]!.schoolId} failed (${r.status ?? "no response"})`));
  } catch (err) {
    console.error("[alerts] webhook delivery failed", err);
  }
}

export async function checkSchoolAlerts(deps: AlertDeps, schoolId: string): Promise<number> {
  const school = await deps.db().school.findUnique({ where: { id: schoolId }, select: { name: true } });
  if (!school) return 0;
  const alerts = monthlyCapAlerts({ schoolId, schoolName: school.name, standing: await deps.standings(schoolId) });
  return (await Promise.all(alerts.map((a) => raiseAlert(deps, a)))).filter(Boolean).length;
}

export async function checkSystemAlerts(deps: AlertDeps): Promise<number> {
  const now = deps.now?.() ?? Date.now();
  const [load, signals] = await Promise.all([currentLoad({ redis: deps.redis, config: deps.load, governor: deps.governor, now }), readSignals({ redis: deps.redis, config: deps.load, now })]);
  const provider = providerAlert({ signals });
  if (provider.clear) await deps.redis.del(`${deps.prefix}:${provider.clear}`);
  const alerts = [peakLoadAlert({ ...load, now }), provider.raise].filter((a): a is AlertCandidate => a !== null);
  return (await Promise.all(alerts.map((a) => raiseAlert(deps, a)))).filter(Boolean).length;
}

/**
 * Throttled, fire-and-forget checks: each school at most every schoolEveryMs and the system-wide
 * thresholds at most every systemEveryMs per instance (SET NX keeps instances from double-alerting).
 */
export function createAlertMonitor(deps: AlertDeps, { schoolEveryMs = 15_000, systemEveryMs = 5_000 } = {}) {
  const last = new Map<string, number>();
  const due = (key: string, every: number) => {
    const now = deps.now?.() ?? Date.now();
    if (now - (last.get(key) ?? -Infinity) < every) return false;
    last.set(key, now);
    return true;
  };
  const run = (what: string, p: () => Promise<unknown>) => void p().catch((err) => console.error(`[alerts] ${what} check failed`, err));
  return {
    /** Called on every turn and ops poll; returns at once. schoolId null: system-wide checks only. */
    check(schoolId: string | null): void {
      if (schoolId && due(`school:${schoolId}`, schoolEveryMs)) run("school", () => checkSchoolAlerts(deps, schoolId));
      if (due("system", systemEveryMs)) run("system", () => checkSystemAlerts(deps));
    },
  };
}
