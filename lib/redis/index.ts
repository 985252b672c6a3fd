export {
  closeRedis,
  createRedis,
  getRedis,
  pingRedis,
  redisBackend,
  redisKey,
  redisOptionsFromEnv,
  redisPrefix,
  selectBackend,
  type CreateRedisOptions,
  type RedisBackend,
} from "@/lib/redis/client";
export { isRedisUnavailable, RedisUnavailableError } from "@/lib/redis/errors";
