/**
 * `npm run new-unit -- --id th --country TH --region ap-southeast-7 --cidr 10.3.0.0/16 [--name "..."]`:
 * writes stacks/unit-<id>/unit.ts for a new country, derived and validated against the whole topology.
 * Exit code 1 with every problem listed (and nothing written) when the topology would not validate.
 */
import * as path from 'path';
import { parseArgs } from 'util';
import { ScaffoldError, scaffoldUnit } from '../lib/scaffold/new-unit';
import { loadUnits, shared } from '../stacks/topology';

const USAGE = 'usage: npm run new-unit -- --id <id> --country <ISO code> --region <region id> --cidr <VPC CIDR> [--name <display name>]';
const STACKS_DIR = path.resolve(__dirname, '..', 'stacks');

function main(): number {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      options: { id: { type: 'string' }, country: { type: 'string' }, region: { type: 'string' }, cidr: { type: 'string' }, name: { type: 'string' } },
    }).values;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const missing = ['id', 'country', 'region', 'cidr'].filter((k) => !values[k]);
  if (missing.length) {
    process.stderr.write(`missing ${missing.map((m) => `--${m}`).join(', ')}\n${USAGE}\n`);
    return 2;
  }
  try {
    const { file, unit } = scaffoldUnit(STACKS_DIR, shared, loadUnits(STACKS_DIR), {
      id: values.id!,
      country: values.country!,
      region: values.region!,
      cidr: values.cidr!,
      name: values.name,
    });
    process.stdout.write(
      [
        `wrote ${path.relative(process.cwd(), file)}: unit ${unit.id} in ${unit.region} (zones ${unit.zones.join(', ')}), VPC ${unit.network.vpcCidr}`,
        'next: review the file (residency, sizing, mastersTables, link), then `npm run synth` and `npm test`; see docs/new-country.md',
        '',
      ].join('\n'),
    );
    return 0;
  } catch (e) {
    if (e instanceof ScaffoldError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = main();
