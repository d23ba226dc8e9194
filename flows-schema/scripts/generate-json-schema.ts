// Regenerates flow.schema.json from the zod schema:
//   npx tsx flows-schema/scripts/generate-json-schema.ts
// json-schema.test.ts fails while the checked-in file is stale.
import { writeFileSync } from 'node:fs';
import { flowJsonSchema } from '../src/json-schema';

writeFileSync(`${import.meta.dirname}/../flow.schema.json`, `${JSON.stringify(flowJsonSchema(), null, 2)}\n`);
