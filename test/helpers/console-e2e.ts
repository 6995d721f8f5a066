import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../src/api/index.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createLogger } from '../../src/lib/index.ts';
import { type RunningTracegate, startTracegate } from '../../src/main/server.ts';
import { startTestMetrc, type TestMetrc } from './test-metrc.ts';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];
/** Upper bound of one browser flow, so a stuck page fails instead of hanging the suite. */
export const E2E_TIMEOUT_MS = 180_000;
/** How long one action waits for the page (the machine is shared and busy). */
const ACTION_TIMEOUT_MS = 20_000;

const ROOT = new URL('../../', import.meta.url).pathname;
export const CONSOLE_INDEX = join(ROOT, 'web/dist/index.html');

/**
 * Why the browser tests cannot run here, or undefined. Without Chromium they skip, except in CI
 * (`CI=true`), where a missing browser must fail the run rather than hide it.
 */
export function e2eSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.env.CI === 'true') {
    throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium package`);
  }
  return `browser tests skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`;
}

/** Builds the console once when a checkout has not built it yet (npm ci normally has). */
function ensureConsoleBuilt(): void {
  if (existsSync(CONSOLE_INDEX)) return;
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-web.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
    timeout: 120_000,
  });
  if (built.status !== 0 || !existsSync(CONSOLE_INDEX)) throw new Error('console build failed');
}

/** A signed-in caller of the API over HTTP, for setting the scene and checking what was saved. */
export interface ApiCaller {
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field and asserted on
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
}

export async function apiAs(baseUrl: string, email: string, password: string): Promise<ApiCaller> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = (
    login.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? ''
  ).split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    async call(method, path, body) {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          cookie: cookie ?? '',
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
  };
}

export interface ConsoleWorld {
  url: string;
  metrc: TestMetrc;
  tracegate: RunningTracegate;
  browser: Browser;
  /** The deployment's platform admin (vendor keys are set). */
  platform: ApiCaller;
  /** A new organization with its first admin, who must choose a password on first sign-in. */
  newOrganization(name: string): Promise<{ email: string; oneTimePassword: string }>;
  /**
   * A new organization whose admin has signed in on a fresh page (choosing `password` on the
   * forced change), with an API caller signed in as them.
   */
  signedInAdmin(name: string, password: string): Promise<{ page: Page; api: ApiCaller }>;
  /** A fresh browser context (no cookies), as another person on another device would be. */
  newPage(options?: {
    width?: number;
    height?: number;
  }): Promise<{ page: Page; context: BrowserContext }>;
  /** Saves a screenshot of this step as test-output/<story>/<nn>-<step>.png. */
  shot(page: Page, step: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real server on a real socket (127.0.0.1, port 0), on a fresh SQLite database, wired to the
 * Metrc emulator (demo scenario), serving the built console; and Debian's Chromium to drive it.
 */
export async function startConsoleWorld(story: string): Promise<ConsoleWorld> {
  ensureConsoleBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), `tg-e2e-${story}-`));
  const metrc = await startTestMetrc();
  const config = loadConfig({
    env: {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      TRACEGATE_DATA_DIR: dataDir,
      METRC_BASE_URL_TEMPLATE: metrc.emulator.baseUrlTemplate,
      SEED_DEMO: 'true',
      // As the demo does: no DNS here, and stories may add a webhook receiver on 127.0.0.1.
      ALERTS_WEBHOOK_ALLOW_PRIVATE: 'true',
    },
    cwd: dataDir,
  });
  const tracegate = await startTracegate(config, { logger: createLogger({ level: 'silent' }) });
  const address = tracegate.url;
  const demo = tracegate.demoAdmin;
  if (!demo) throw new Error('expected a fresh deployment with its demo admin');
  // The platform admin's one-time password is replaced first, as a person would.
  const platformPassword = 'platform operator passphrase';
  const first = await apiAs(address, demo.email, demo.password.reveal());
  await first.call('POST', '/api/auth/password', {
    currentPassword: demo.password.reveal(),
    newPassword: platformPassword,
  });
  const platform = await apiAs(address, demo.email, platformPassword);
  for (const state of ['ca', 'co']) {
    const set = await platform.call('PUT', `/api/platform/vendor-keys/${state}`, {
      apiKey: metrc.vendorKey(state),
    });
    if (set.status >= 300) throw new Error(`vendor key ${state}: ${JSON.stringify(set.body)}`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const shotsDir = join(ROOT, 'test-output', story);
  rmSync(shotsDir, { recursive: true, force: true });
  mkdirSync(shotsDir, { recursive: true });
  let step = 0;
  let orgs = 0;
  const world: ConsoleWorld = {
    url: address,
    metrc,
    tracegate,
    browser,
    platform,
    async newOrganization(name) {
      const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${++orgs}`;
      const email = `admin@${slug}.example`;
      const res = await platform.call('POST', '/api/platform/organizations', {
        name,
        slug,
        admin: { email, name: `${name} Admin` },
      });
      if (res.status !== 201) throw new Error(`organization: ${JSON.stringify(res.body)}`);
      return { email, oneTimePassword: res.body.oneTimePassword as string };
    },
    async signedInAdmin(name, password) {
      const admin = await world.newOrganization(name);
      const { page } = await world.newPage();
      await signIn(page, {
        email: admin.email,
        password: admin.oneTimePassword,
        newPassword: password,
      });
      return { page, api: await apiAs(address, admin.email, password) };
    },
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: address,
        viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
      });
      context.setDefaultTimeout(ACTION_TIMEOUT_MS);
      return { page: await context.newPage(), context };
    },
    async shot(page, name) {
      step += 1;
      const file = join(shotsDir, `${String(step).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
    },
    async close() {
      await browser.close().catch(() => {});
      await tracegate.close();
      await metrc.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return world;
}

/** Signs in through the sign-in page; with a one-time password, chooses `newPassword` first. */
export async function signIn(
  page: Page,
  credentials: { email: string; password: string; newPassword?: string },
): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(label('E-mail')).fill(credentials.email);
  await page.getByLabel(label('Password')).fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (credentials.newPassword) {
    await page.getByRole('heading', { name: 'Choose your own password' }).waitFor();
    await page.getByLabel(label('One-time password')).fill(credentials.password);
    await page.getByLabel(label('New password')).fill(credentials.newPassword);
    await page.getByLabel(label('Repeat the new password')).fill(credentials.newPassword);
    await page.getByRole('button', { name: 'Save password' }).click();
  }
  await page.getByRole('heading', { name: 'Home' }).waitFor();
}

/** A control's accessible name: its label, and the ` *` Mantine adds to required ones. */
export function label(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
}
const labelText = label;

/** Picks an option of a Mantine select by typing part of it. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  const input = page.getByRole('textbox', { name: labelText(label) });
  await input.click();
  await input.fill(option.slice(0, 4));
  await page.getByRole('option', { name: option }).click();
}

/** Types license numbers into a tags input, one Enter each. */
export async function typeTags(page: Page, label: string, values: string[]): Promise<void> {
  const input = page.getByRole('textbox', { name: labelText(label) });
  for (const value of values) {
    await input.fill(value);
    await input.press('Enter');
  }
}

/**
 * Waits until no loader is on the page. A page may show several at once (a summary and a
 * table loading side by side), so this counts them rather than waiting on one.
 */
export async function loaded(page: Page): Promise<void> {
  // Locators, not `waitForFunction` with a string: when its first check fails, Playwright polls
  // the string with eval in the page, which the console's CSP (no 'unsafe-eval') rightly refuses.
  const loaders = page.locator('[aria-label="Loading"]');
  while ((await loaders.count()) > 0) await loaders.first().waitFor({ state: 'detached' });
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core in the page; returns the serious and critical violations. */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol, not as an inline <script>: the console's CSP
  // (script-src 'self') rightly refuses inline scripts, and the test must not loosen it.
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: () => Promise<AxeResults> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: String(v.impact),
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => String(n.target)),
    }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
