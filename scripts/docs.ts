import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderConfigDocs } from '../src/config/index.ts';
import { renderErrorDocs } from '../src/lib/index.ts';
import { API_TYPES_PATH, renderApiTypes } from './api-types.ts';

const ROOT = new URL('..', import.meta.url).pathname;

function errorModules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return errorModules(path);
    return name.endsWith('-errors.ts') ? [path] : [];
  });
}

/** Every generated document, by path relative to the repository root. */
export async function renderGeneratedDocs(): Promise<Record<string, string>> {
  for (const path of errorModules(join(ROOT, 'src'))) await import(pathToFileURL(path).href);
  return {
    'docs/config.md': renderConfigDocs(),
    'docs/errors.md': renderErrorDocs(),
    [API_TYPES_PATH]: await renderApiTypes(),
  };
}
