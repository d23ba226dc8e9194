// Headless Debian Chromium driven by playwright-core. The flags keep Chromium off the network:
// only the app on loopback is reachable. Every browser context is a fresh profile of its own.
import { chromium, type Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

let shared: Browser | undefined;

/**
 * The worker's one Chromium, started on the first call: browser files run one after another in one
 * worker, and starting and stopping Chromium for each file cost it a second or two. Each file gets a
 * handle whose close() closes the contexts (pages) opened since it was handed out, as closing a
 * browser of its own did; every context is a fresh profile, so no file sees another's storage.
 */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  if (!shared?.isConnected()) shared = await launch();
  const browser = shared;
  const before = new Set(browser.contexts());
  return new Proxy(browser, {
    get(target, prop) {
      if (prop === 'close') return async () => void (await Promise.all(target.contexts().filter((c) => !before.has(c)).map((c) => c.close())));
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const screenshotPath = (name: string) => join(SCREENSHOT_DIR, `${name}.png`);
