/** Builds the Metrc client and its rate-limit store from the parsed configuration. */
import type { Config } from '../config/index.ts';
import type { Logger } from '../lib/index.ts';
import { createMemoryRateLimitStore } from './memory-rate-limit-store.ts';
import { createMetrcClient, type MetrcClient } from './metrc-client.ts';
import { createPostgresRateLimitStore } from './postgres-rate-limit-store.ts';
import type { RateLimitStore } from './rate-limit-store.ts';
import { createRedisRateLimitStore } from './redis-rate-limit-store.ts';

/** `METRC_RATE_LIMIT_STORE`: memory, or PostgreSQL (`DATABASE_URL`), or Redis (`REDIS_URL`). */
export async function createRateLimitStoreFromConfig(config: Config): Promise<RateLimitStore> {
  const kind = config.metrc.rateLimitStore;
  if (kind === 'postgres') {
    if (config.database.kind !== 'postgres')
      throw new Error('METRC_RATE_LIMIT_STORE=postgres needs DATABASE_URL');
    return createPostgresRateLimitStore({ connectionString: config.database.url });
  }
  if (kind === 'redis') {
    if (!config.metrc.redisUrl) throw new Error('METRC_RATE_LIMIT_STORE=redis needs REDIS_URL');
    return createRedisRateLimitStore({ url: config.metrc.redisUrl.reveal() });
  }
  return createMemoryRateLimitStore();
}

/**
 * @example
 * const metrc = await createMetrcClientFromConfig(config, { baseUrlTemplate, logger });
 */
export async function createMetrcClientFromConfig(
  config: Config,
  options: { baseUrlTemplate?: string; logger?: Logger } = {},
): Promise<MetrcClient> {
  const baseUrlTemplate = options.baseUrlTemplate ?? config.metrcBaseUrlTemplate;
  if (!baseUrlTemplate)
    throw new Error('no Metrc base URL: set METRC_BASE_URL_TEMPLATE or pass one');
  return createMetrcClient({
    baseUrlTemplate,
    timeoutMs: config.metrc.timeoutMs,
    retry: { maxAttempts: config.metrc.getMaxAttempts },
    store: await createRateLimitStoreFromConfig(config),
    limits: config.metrc.limits,
    limiterMaxWaitMs: config.metrc.limiterMaxWaitMs,
    v2MaxWindowMs:
      config.metrc.v2MaxWindowHours === null ? null : config.metrc.v2MaxWindowHours * 3_600_000,
    logger: options.logger,
  });
}
