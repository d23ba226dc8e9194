// What `npm run new:step <type>` changes, as data: files to create and one-line insertions into the
// three typed maps. Pure, so it is tested without touching the repository.
import * as t from './templates';

export interface Scaffold {
  create: Record<string, string>;
  /** path → function from the file's text to its new text */
  edit: Record<string, (source: string) => string>;
}

const NODES = 'flows-schema/src/nodes/index.ts';
const HANDLERS = 'server/src/engine/handlers/index.ts';
const PANELS = 'client/src/builder/panels/index.ts';

/** Inserts `line` after the last line matching `after`; fails loudly if the anchor is gone. */
function insertAfterLast(source: string, after: RegExp, line: string, file: string): string {
  const lines = source.split('\n');
  const index = lines.map((l) => after.test(l)).lastIndexOf(true);
  if (index < 0) throw new Error(`${file}: no line matches ${after}; add the step by hand`);
  lines.splice(index + 1, 0, line);
  return lines.join('\n');
}

/** Adds `entry` as the last property of the object literal that `opens` starts. */
function addEntry(source: string, opens: string, entry: string, file: string): string {
  const start = source.indexOf(opens);
  if (start < 0) throw new Error(`${file}: "${opens}" not found; add the step by hand`);
  const close = source.indexOf('}', start + opens.length);
  const body = source.slice(start + opens.length, close);
  const multiline = body.includes('\n');
  const inserted = multiline ? `${body.replace(/\s*$/, '')}\n  ${entry},\n` : `${body.replace(/\s*$/, '')}, ${entry} `;
  return source.slice(0, start + opens.length) + inserted + source.slice(close);
}

export function scaffoldStep(type: string, options: { panel?: boolean } = {}): Scaffold {
  if (!/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(type)) throw new Error(`"${type}" is not a snake_case step type (e.g. send_email)`);
  const n = t.stepNames(type);
  const create: Record<string, string> = {
    [`flows-schema/src/nodes/${n.file}.ts`]: t.definition(n),
    [`flows-schema/src/nodes/${n.file}.test.ts`]: t.definitionTest(n),
    [`server/src/engine/handlers/${n.file}.ts`]: t.handler(n),
    [`server/src/engine/handlers/${n.file}.test.ts`]: t.handlerTest(n),
  };
  if (options.panel) create[`client/src/builder/panels/${n.pascal}Panel.tsx`] = t.panel(n);
  const key = type === n.camel ? type : `${type}: ${n.camel}`;
  const edit: Scaffold['edit'] = {
    [NODES]: (s) =>
      addEntry(insertAfterLast(s, /^import \{ \w+Node \} from '\.\/[\w-]+';$/, `import { ${n.camel}Node } from './${n.file}';`, NODES), 'export const nodeRegistry = {', `${type}: ${n.camel}Node`, NODES),
    [HANDLERS]: (s) =>
      addEntry(insertAfterLast(s, /^import \{ \w+ \} from '\.\/[\w-]+';$/, `import { ${n.camel} } from './${n.file}';`, HANDLERS), 'export const handlers = {', key, HANDLERS),
    [PANELS]: (s) =>
      options.panel
        ? addEntry(insertAfterLast(s, /^import \{ \w+Panel \} from '\.\/\w+';$/, `import { ${n.pascal}Panel } from './${n.pascal}Panel';`, PANELS), 'export const panels = {', `${type}: ${n.pascal}Panel`, PANELS)
        : addEntry(s, 'export const panels = {', `${type}: genericPanel('${type}')`, PANELS),
  };
  return { create, edit };
}
