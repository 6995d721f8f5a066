/**
 * The shared store on Redis: a hash per bucket and a sorted set of leases per in-flight cap,
 * decided by one Lua script (atomic, timed by Redis's clock). Keys expire on their own when
 * idle. A single Redis (or a primary with replicas) is supported; Cluster is not, because one
 * acquisition touches a vendor key and a license key that would live in different slots.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import {
  type AcquireResult,
  type RateLimitStore,
  type RuleRefusal,
  sortedRules,
  validateRules,
} from './rate-limit-store.ts';

export const DEFAULT_REDIS_PREFIX = 'tracegate:metrc-limits:';

/**
 * KEYS: n bucket keys, then n lease keys. ARGV: n, permit id, lease ms, n rates, n bursts, n
 * caps. Returns {'1'} when granted, else {'0', index, reason, retryMs, …} per refusing rule.
 */
const ACQUIRE_LUA = `
local n = tonumber(ARGV[1])
local permit = ARGV[2]
local lease = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local tokens = {}
local out = {'0'}
for i = 1, n do
  local rate = tonumber(ARGV[3 + i])
  local burst = tonumber(ARGV[3 + n + i])
  local cap = tonumber(ARGV[3 + 2 * n + i])
  if rate > 0 then
    local state = redis.call('HMGET', KEYS[i], 'tokens', 'at')
    local tk = burst
    if state[1] then
      tk = math.min(burst, tonumber(state[1]) + math.max(0, now - tonumber(state[2])) * rate / 1000)
    end
    tokens[i] = tk
    if tk < 1 then
      table.insert(out, tostring(i))
      table.insert(out, 'rate')
      table.insert(out, string.format('%.3f', (1 - tk) * 1000 / rate))
    end
  end
  if cap > 0 then
    redis.call('ZREMRANGEBYSCORE', KEYS[n + i], '-inf', string.format('%.3f', now))
    if redis.call('ZCARD', KEYS[n + i]) >= cap then
      table.insert(out, tostring(i))
      table.insert(out, 'in-flight')
      table.insert(out, '')
    end
  end
end
if #out > 1 then return out end
for i = 1, n do
  local rate = tonumber(ARGV[3 + i])
  local burst = tonumber(ARGV[3 + n + i])
  local cap = tonumber(ARGV[3 + 2 * n + i])
  if rate > 0 then
    redis.call('HSET', KEYS[i], 'tokens', string.format('%.6f', tokens[i] - 1), 'at', string.format('%.3f', now))
    redis.call('PEXPIRE', KEYS[i], math.ceil(burst * 1000 / rate) + 1000)
  end
  if cap > 0 then
    redis.call('ZADD', KEYS[n + i], string.format('%.3f', now + lease), permit)
    redis.call('PEXPIRE', KEYS[n + i], math.ceil(lease) + 1000)
  end
end
return {'1'}
`;

export interface RedisRateLimitStoreOptions {
  /** An existing client (left open by `close()`), or … */
  client?: Redis;
  /** … a `redis://` URL for a client of the store's own. */
  url?: string;
  /** Prefix of every key; tests use a unique one. */
  keyPrefix?: string;
}

interface WithAcquire {
  metrcAcquire(...args: (string | number)[]): Promise<string[]>;
}

export interface RedisRateLimitStore extends RateLimitStore {
  /** Deletes every key under the prefix (tests). */
  drop(): Promise<void>;
}

export async function createRedisRateLimitStore(
  options: RedisRateLimitStoreOptions,
): Promise<RedisRateLimitStore> {
  const prefix = options.keyPrefix ?? DEFAULT_REDIS_PREFIX;
  const ownClient = options.client === undefined;
  const client =
    options.client ??
    new Redis(options.url ?? 'redis://127.0.0.1:6379', {
      lazyConnect: true,
      maxRetriesPerRequest: 2,
    });
  if (ownClient) await client.connect();
  client.defineCommand('metrcAcquire', { lua: ACQUIRE_LUA });
  const scripted = client as unknown as WithAcquire;

  return {
    kind: 'redis',
    async tryAcquire(rules, leaseMs): Promise<AcquireResult> {
      validateRules(rules);
      const ordered = sortedRules(rules);
      const n = ordered.length;
      const id = randomUUID();
      const reply = await scripted.metrcAcquire(
        2 * n,
        ...ordered.map((rule) => `${prefix}b:${rule.key}`),
        ...ordered.map((rule) => `${prefix}f:${rule.key}`),
        n,
        id,
        leaseMs,
        ...ordered.map((rule) => rule.ratePerSecond),
        ...ordered.map((rule) => rule.burst),
        ...ordered.map((rule) => rule.maxInFlight),
      );
      if (reply[0] === '1') {
        const inFlightKeys = ordered.filter((r) => r.maxInFlight > 0).map((r) => r.key);
        return { granted: true, permit: { id, inFlightKeys } };
      }
      const refusals: RuleRefusal[] = [];
      for (let i = 1; i + 2 < reply.length; i += 3) {
        const rule = ordered[Number(reply[i]) - 1];
        const retry = reply[i + 2];
        refusals.push({
          key: rule?.key ?? '',
          reason: reply[i + 1] === 'rate' ? 'rate' : 'in-flight',
          retryInMs: retry ? Number(retry) : null,
        });
      }
      return { granted: false, refusals };
    },
    async release(permit) {
      if (permit.inFlightKeys.length === 0) return;
      const pipeline = client.pipeline();
      for (const key of permit.inFlightKeys) pipeline.zrem(`${prefix}f:${key}`, permit.id);
      await pipeline.exec();
    },
    async close() {
      if (ownClient) await client.quit();
    },
    async drop() {
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length > 0) await client.del(...keys);
      } while (cursor !== '0');
    },
  };
}
