// What WhatsApp would refuse in a flow's send_template steps: each step against the template it
// names among the workspace's synced templates (missing, not approved, values that do not fit).
// Publish refuses a draft with one; the editor asks for them while the marketer builds.
import { templateStepProblems, templateSteps, type Problem } from '@zyntra/flows-schema';
import type { TenantDb } from '../db/tenant-db';
import { templatesNamedIn } from '../templates/templates.queries';

export async function templateProblemsOf(tdb: TenantDb, doc: unknown): Promise<Problem[]> {
  const names = [...new Set(templateSteps(doc).map((s) => s.config.name))];
  if (names.length === 0) return [];
  return templateStepProblems(doc, await templatesNamedIn(tdb, names));
}
