// What renaming a contact field will do, said before the marketer confirms: refused (not a name,
// or the name it has), its letter case only, a new field, or merged into a field that exists (whose
// values win where a contact has both). Names are one whatever their letter case. Pure.
import { attributeNameKey, attributeNameProblem, type AttributeNameProblem } from '@zyntra/flows-schema';
import type { ContactField } from '../contacts-api';

export type RenamePlan =
  | { kind: 'refused'; problem: AttributeNameProblem | 'same' }
  | { kind: 'case' | 'new' }
  | { kind: 'merge'; into: ContactField };

export function renamePlan(from: string, typed: string, fields: readonly ContactField[]): RenamePlan {
  const to = typed.trim();
  if (to === from) return { kind: 'refused', problem: 'same' };
  const problem = attributeNameProblem(to);
  if (problem) return { kind: 'refused', problem };
  if (attributeNameKey(to) === attributeNameKey(from)) return { kind: 'case' };
  const into = fields.find((f) => attributeNameKey(f.key) === attributeNameKey(to));
  return into ? { kind: 'merge', into } : { kind: 'new' };
}
