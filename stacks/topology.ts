/**
 * The topology: what is shared by all units. Units themselves are declared one file each, in
 * stacks/unit-<id>/unit.ts, and are discovered from there, so adding a country is adding a folder.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { TopologyDeclaration, UnitDeclaration } from '../lib/topology/types';

/** Everything but the units. */
export const shared: Omit<TopologyDeclaration, 'units'> = {
  org: { prefix: 'acme', name: 'ACME Auto Parts' },
  platform: {
    appImageName: 'acme-collab-app-2026.11',
    // *.collab.example.com, bought once per site; every unit's ALB presents the one of its site.
    certificates: { mainland: '14520011-cn-hangzhou', international: '14520012-ap-southeast-1' },
  },
  hub: 'cn',
  catalog: {
    orgDatabase: 'org',
    appDatabase: 'collab',
    tables: {
      departments: 'org-structure',
      positions: 'org-structure',
      directory_entries: 'org-structure',
      staff_profiles: 'personal',
      messages: 'personal',
      files: 'personal',
      approvals: 'personal',
      attendance: 'personal',
    },
  },
  replication: {
    // Organisation-structure basics only: both units see one organisation; personal data stays home.
    allowlist: ['departments', 'positions', 'directory_entries'],
  },
  access: {
    domain: 'collab.example.com',
    dnsTtlSeconds: 600,
    acceleratorSpec: '1',
    // Pay-by-data-transfer (below) is sold only with a pay-as-you-go accelerator.
    payment: { type: 'PayAsYouGo' },
    // A China-site account: pay-by-data-transfer with cross-border carriage on.
    crossBorder: { billing: 'cdt' },
    accessPoints: {
      sg: { region: 'ap-southeast-1', bandwidthMbps: 20 },
    },
    // *.collab.example.com in Certificate Management Service of the GA API region; port 80 only redirects to 443.
    listener: { protocol: 'https', certificateId: '14520013-cn-hangzhou', port: 443, redirectPort: 80 },
    healthCheck: { path: '/healthz', intervalSeconds: 3 },
    hostnames: {
      // Domestic services overseas users need: approvals and reporting live with HQ data.
      oa: 'cn',
      reports: 'cn',
      // The factory's own workspace, whose data lives in the overseas unit.
      vn: 'sg',
    },
  },
  stateBackend: { kind: 'local' },
  tags: { project: 'collab-units', 'managed-by': 'cdktf' },
};

const UNIT_DIR = /^unit-([a-z][a-z0-9]*)$/;

/**
 * Reads every stacks/unit-<id>/unit.ts below `stacksDir`, sorted by folder name. A folder whose declaration
 * names another id is an error: the folder name is the stack name.
 */
export function loadUnits(stacksDir: string = __dirname): UnitDeclaration[] {
  const units: UnitDeclaration[] = [];
  for (const dir of fs.readdirSync(stacksDir).sort()) {
    const m = UNIT_DIR.exec(dir);
    if (!m || !fs.existsSync(path.join(stacksDir, dir, 'unit.ts'))) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const declared: UnitDeclaration = require(path.join(stacksDir, dir, 'unit')).unit;
    if (declared?.id !== m[1]) {
      throw new Error(
        `stacks/${dir}/unit.ts: id ${JSON.stringify(declared?.id)} does not match its folder; set id: "${m[1]}" or rename the folder to unit-${declared?.id}`,
      );
    }
    units.push(declared);
  }
  return units;
}

/** The declared topology: shared settings plus the units found in stacks/. */
export function loadTopology(stacksDir?: string): TopologyDeclaration {
  return { ...shared, units: loadUnits(stacksDir) };
}
