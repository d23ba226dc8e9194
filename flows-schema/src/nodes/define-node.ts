import type { z } from 'zod';
import type { Locale, Localized } from '../localized';
import type { ProblemDraft } from '../validate/problems';
import type { NodeColor, NodeIcon } from './node-look';

/** One output handle of a node; an edge's sourceHandle is one of these ids. */
export interface OutputHandle {
  id: string;
  label: Localized;
  /**
   * Whether leaving it unconnected is an error (the flow would silently stop where the marketer
   * expects it to go on) rather than a warning (ending the conversation there is legitimate).
   */
  required: boolean;
}

/**
 * A credential in a node's config: `path` (relative to config) holds it, `key` names it stably (a
 * header's name, not its list index), so a value sent back masked is matched to the one stored.
 */
export interface SecretField {
  path: string;
  key: string;
}

/** A string of a node's config that may contain {{placeholders}}; path is relative to config. */
export interface TemplateText {
  path: string;
  text: string;
}

export interface CheckContext {
  /** Names declared in settings.variables (built-ins excluded). */
  declaredVariables: ReadonlySet<string>;
  /**
   * Regexes the flow may still compile (validation counts them across nodes); a pattern past the
   * budget is reported instead of compiled. Absent when a single node is checked on its own.
   */
  regexBudget?: { remaining: number; readonly max: number };
}

export interface NodeDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  readonly type: T;
  /** Bumped when the config shape changes, so a future migration can tell shapes apart. */
  readonly version: number;
  /** A Tabler icon from the editor's set. */
  readonly icon: NodeIcon;
  /** The accent of the card, the palette entry and the minimap dot. */
  readonly color: NodeColor;
  readonly label: Localized;
  readonly description: Localized;
  readonly config: S;
  /** Only the trigger: the node a conversation starts at. */
  readonly isEntry: boolean;
  defaults(): z.output<S>;
  outputs(config: z.output<S>): OutputHandle[];
  /** Short text for the node card. */
  summary(config: z.output<S>, locale?: Locale): string;
  /** Does entering this node park the conversation until the customer replies? */
  waitsForCustomer(config: z.output<S>): boolean;
  templates(config: z.output<S>): TemplateText[];
  /** Credentials: masked whenever a flow is read back, kept when the mask is sent again. */
  secrets?(config: z.output<S>): SecretField[];
  /** Rules zod cannot express; returned paths are relative to config. */
  check?(config: z.output<S>, ctx: CheckContext): ProblemDraft[];
}

/** Identity at runtime; it exists so each definition's methods are typed by its own config schema. */
export function defineNode<const T extends string, S extends z.ZodType>(
  definition: NodeDefinition<T, S>,
): NodeDefinition<T, S> {
  return definition;
}
