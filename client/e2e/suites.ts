// What a browser test file starts once for all its tests and closes after the last: the app with the
// built client and a browser, and where the file needs one, a signed-up workspace or the whole
// WhatsApp pipeline. `ready` receives them (a file keeps them in its own variables) and may add the
// file's own setup.
import type { Browser } from 'playwright-core';
import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { signupWorkspace, type TestApp } from '../../server/test/harness';
import { pipelineForFile, type Pipeline } from '../../server/test/pipeline';
import { launchBrowser } from './browser';
import { startAppWithClient } from './builder-page';

export type AppSuite = { app: TestApp; browser: Browser };

/** The app with the built client and a browser, no workspace yet (a file that signs up through the form); `env` adds to the app's. */
export function startAppSuite(ready: (s: AppSuite) => unknown, env: Record<string, string> = {}): void {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startAppWithClient(env);
    browser = await launchBrowser();
    await ready({ app, browser });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
}

export type SignedUpSuite = AppSuite & { token: string };

/** The same with a workspace named `workspace` signed up, and its owner's `token`. */
export function startSignedUpSuite(workspace: string, ready: (s: SignedUpSuite) => unknown, env: Record<string, string> = {}): void {
  startAppSuite(async (s) => ready({ ...s, token: (await signupWorkspace(s.app, workspace)).token }), env);
}

export type PipelineSuite = { p: Pipeline; browser: Browser; db: pg.Client };

/** The WhatsApp pipeline (a workspace with a channel) with the built client, a connection to its database and a browser. */
export function startPipelineSuite(ready: (s: PipelineSuite) => unknown): void {
  let browser: Browser | undefined;
  pipelineForFile(async ({ pipeline, db }) => {
    browser = await launchBrowser();
    await ready({ p: pipeline, browser, db });
  }, { appStarter: startAppWithClient });
  afterAll(async () => {
    await browser?.close();
  });
}
