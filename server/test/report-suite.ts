// What each report's test starts from: an app, a database connection to write report rows directly,
// and two workspaces, so every figure can be checked to be the owner's and never the other's.
import { afterAll, beforeAll } from 'vitest';
import pg from 'pg';
import { signupWorkspace, startTestApp, type TestApp } from './harness';

export type Workspace = Awaited<ReturnType<typeof signupWorkspace>>;
export type ReportSuite = { app: TestApp; db: pg.Client; owner: Workspace; other: Workspace };

export function startReportSuite(ready: (s: ReportSuite) => void): void {
  let s: ReportSuite | undefined;
  let db: pg.Client | undefined;
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp();
    db = new pg.Client({ connectionString: app.config.DATABASE_URL });
    await db.connect();
    s = { app, db, owner: await signupWorkspace(app), other: await signupWorkspace(app, 'Outra') };
    ready(s);
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
  });
}
