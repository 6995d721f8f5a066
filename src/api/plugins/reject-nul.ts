import type { FastifyInstance } from 'fastify';
import { commonErrors } from '../../lib/index.ts';

/** Where in a parsed value the first NUL character sits (`name`, `admin.email`, `[2]`), or null. */
export function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(value)' : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNul(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return here;
      const found = findNul(item, here);
      if (found) return found;
    }
  }
  return null;
}

/**
 * PostgreSQL cannot store U+0000 in text (SQLite can), so a NUL anywhere in a request would be a
 * 500 on one dialect and a 200 on the other. No field of this API has a use for it: refuse it
 * for every route, before validation, with the same 400 on both.
 */
export function registerRejectNul(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [where, value] of [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const) {
      const path = findNul(value);
      if (path !== null) {
        throw commonErrors.REQUEST_INVALID({
          message: 'Text must not contain NUL (U+0000) characters.',
          details: { issues: [{ in: where, path, message: 'contains U+0000' }] },
        });
      }
    }
  });
}
