import { Badge } from '@mantine/core';

export type Light = 'green' | 'amber' | 'red';

const LIGHT: Record<Light, { color: string; text: string }> = {
  green: { color: 'green', text: 'Syncing' },
  amber: { color: 'yellow', text: 'Needs attention' },
  red: { color: 'red', text: 'Stopped' },
};

/** A traffic light with its meaning in words. */
export function LightBadge({ light, text }: { light: Light; text?: string }) {
  return (
    <Badge
      color={LIGHT[light].color}
      variant="filled"
      c={light === 'amber' ? 'dark' : undefined}
      style={{ flexShrink: 0 }}
    >
      {text ?? LIGHT[light].text}
    </Badge>
  );
}

const KEY_STATUS: Record<string, { light: Light; text: string }> = {
  valid: { light: 'green', text: 'Verified' },
  unverified: { light: 'amber', text: 'Not verified yet' },
  invalid: { light: 'red', text: 'Invalid' },
  expired: { light: 'red', text: 'Expired' },
};

/** A key's status: verified, expiring, invalid, expired or none. */
export function KeyStatusBadge({
  status,
  expiresSoon = false,
}: {
  status: string | null | undefined;
  expiresSoon?: boolean;
}) {
  if (!status) return <LightBadge light="amber" text="No key" />;
  if (status === 'valid' && expiresSoon) return <LightBadge light="amber" text="Expiring soon" />;
  const shown = KEY_STATUS[status] ?? { light: 'amber' as const, text: status };
  return <LightBadge light={shown.light} text={shown.text} />;
}
