/** `npm run policy:docs`: rewrites the generated rules table in docs/policy-rules.md from the pack. */
import * as fs from 'fs';
import * as path from 'path';
import { ALI_RULES } from '../lib/policy/rules';
import { withRulesTable } from '../lib/policy/rules-table';

const file = path.join(__dirname, '..', 'docs', 'policy-rules.md');
fs.writeFileSync(file, withRulesTable(fs.readFileSync(file, 'utf8'), ALI_RULES));
process.stdout.write(`docs/policy-rules.md: ${ALI_RULES.length} rules\n`);
