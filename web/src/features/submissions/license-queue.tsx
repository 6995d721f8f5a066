import { Group, Text } from '@mantine/core';

/**
 * Outbox facts of a license, as the API may add them to a license (the outbox work lands them).
 * Read loosely: each one is optional, and absent ones are not shown.
 */
export interface LicenseQueue {
  queueDepth?: number;
  oldestUnsentAt?: string | null;
  lastMetrcContactAt?: string | null;
}

export function queueOf(license: object): LicenseQueue {
  const raw = license as Record<string, unknown>;
  const sync = (raw.sync ?? {}) as Record<string, unknown>;
  const pick = (name: string) => raw[name] ?? sync[name];
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    queueDepth: typeof pick('queueDepth') === 'number' ? (pick('queueDepth') as number) : undefined,
    oldestUnsentAt: text(pick('oldestUnsentAt')),
    lastMetrcContactAt: text(pick('lastMetrcContactAt') ?? pick('lastSuccessAt')),
  };
}

const when = (iso: string) => new Date(iso).toLocaleString();

/** Last contact with Metrc, queue depth and the oldest unsent report, when the API gives them. */
export function LicenseQueueFacts({ license }: { license: object }) {
  const queue = queueOf(license);
  const facts: string[] = [];
  if (queue.lastMetrcContactAt)
    facts.push(`Last contact with Metrc ${when(queue.lastMetrcContactAt)}`);
  if (queue.queueDepth !== undefined) facts.push(`${queue.queueDepth} waiting to be sent`);
  if (queue.oldestUnsentAt) facts.push(`oldest unsent from ${when(queue.oldestUnsentAt)}`);
  if (facts.length === 0) return null;
  return (
    <Group gap="xs">
      <Text size="sm" c="dimmed">
        {facts.join(' · ')}
      </Text>
    </Group>
  );
}
