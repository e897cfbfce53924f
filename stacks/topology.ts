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
      // The organisation's shape: replicated between units at column granularity (personal columns stay home).
      departments: {
        class: 'org-structure',
        comment: 'Department tree of the unit',
        columns: {
          id: { type: 'BIGINT UNSIGNED', class: 'org-structure', primaryKey: true },
          parent_id: { type: 'BIGINT UNSIGNED', class: 'org-structure', nullable: true, comment: 'Parent department; NULL at the root' },
          code: { type: 'VARCHAR(32)', class: 'org-structure' },
          name: { type: 'VARCHAR(128)', class: 'org-structure', comment: 'Department name, e.g. Finance' },
          updated_at: { type: 'DATETIME(3)', class: 'org-structure' },
        },
      },
      positions: {
        class: 'org-structure',
        comment: 'Positions in the department tree, whoever holds them',
        columns: {
          id: { type: 'BIGINT UNSIGNED', class: 'org-structure', primaryKey: true },
          department_id: { type: 'BIGINT UNSIGNED', class: 'org-structure' },
          title: { type: 'VARCHAR(128)', class: 'org-structure', comment: 'Position title, not a person' },
          grade: { type: 'VARCHAR(16)', class: 'org-structure' },
          updated_at: { type: 'DATETIME(3)', class: 'org-structure' },
        },
      },
      directory_entries: {
        class: 'org-structure',
        comment: 'Who sits where: an opaque member id in the tree; the person behind it stays in the unit',
        columns: {
          member_id: {
            type: 'CHAR(36)',
            class: 'org-structure',
            primaryKey: true,
            comment: 'Opaque member id (UUID); the mapping to a person never leaves the unit',
          },
          department_id: { type: 'BIGINT UNSIGNED', class: 'org-structure' },
          position_id: { type: 'BIGINT UNSIGNED', class: 'org-structure', nullable: true },
          work_location: { type: 'VARCHAR(64)', class: 'org-structure', comment: 'Site code, e.g. hcmc' },
          // Person-identifying: personal data under PIPL and Decree 13/2023, never replicated.
          full_name: { type: 'VARCHAR(128)', class: 'personal' },
          work_email: { type: 'VARCHAR(254)', class: 'personal' },
          work_phone: { type: 'VARCHAR(32)', class: 'personal', nullable: true },
          employee_number: { type: 'VARCHAR(32)', class: 'personal' },
          updated_at: { type: 'DATETIME(3)', class: 'org-structure' },
        },
      },
      // Collaboration data: personal, never replicated (the app migrates these tables itself).
      staff_profiles: { class: 'personal' },
      messages: { class: 'personal' },
      files: { class: 'personal' },
      approvals: { class: 'personal' },
      attendance: { class: 'personal' },
    },
  },
  replication: {
    // Organisation-structure basics only: both units see one organisation; personal data stays home.
    allowlist: ['departments', 'positions', 'directory_entries'],
  },
  interconnect: {
    // China <-> Asia-Pacific: a CEN bandwidth package (enterprise-verified account).
    crossBorderBilling: 'bandwidth-package',
    sameSideBilling: 'data-transfer',
  },
  flows: {
    // A conversation with members in both units must reach both: each unit's messaging service relays the messages
    // of such conversations to the other's. The platform routes messages by session, so they are personal data.
    'conversation-relay-cn-sg': {
      from: 'cn',
      to: 'sg',
      service: 'im-relay',
      port: 7443,
      protocol: 'tcp',
      carries: 'personal',
      legalBasis: { basis: 'PIPL standard contract for the outbound transfer of HQ staff messages', reference: 'legal/transfers/cn-to-sg-2026-001' },
      bandwidthMbps: 8,
      description: 'HQ messaging relays messages of cross-unit conversations to the overseas unit',
    },
    'conversation-relay-sg-cn': {
      from: 'sg',
      to: 'cn',
      service: 'im-relay',
      port: 7443,
      protocol: 'tcp',
      carries: 'personal',
      legalBasis: { basis: 'Decree 13/2023 overseas transfer impact assessment for factory staff messages', reference: 'legal/transfers/vn-to-cn-2026-001' },
      bandwidthMbps: 8,
      description: 'Overseas messaging relays messages of cross-unit conversations to HQ',
    },
    // reports.: HQ reporting aggregates the factory's figures from its reporting API (counts per department only).
    'reporting-aggregates': {
      from: 'cn',
      to: 'sg',
      service: 'reporting-api',
      port: 8443,
      protocol: 'tcp',
      carries: 'org-structure',
      bandwidthMbps: 2,
      description: 'HQ reporting reads aggregates (headcount, output per department) from the factory reporting API; no rows about a person',
    },
    // oa.: approvals live with HQ data; OA notifies the factory workspace (vn.) of approval decisions on its staff's requests.
    'approval-notifications': {
      from: 'cn',
      to: 'sg',
      service: 'oa-notify',
      port: 9443,
      protocol: 'tcp',
      carries: 'personal',
      legalBasis: { basis: 'PIPL standard contract for the outbound transfer of approval decisions', reference: 'legal/transfers/cn-to-sg-2026-002' },
      bandwidthMbps: 2,
      description: 'OA sends approval decisions on factory staff requests to the factory workspace inbox',
    },
  },
  access: {
    domain: 'collab.example.com',
    dnsTtlSeconds: 600,
    // Pay-by-data-transfer (below) is sold only with a pay-as-you-go accelerator, which is billed by usage: no spec.
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
  // Example values a newcomer's `npm run synth` works with, which no account has: `npm run deploy` refuses while any
  // remains (docs/operations.md, "Placeholders"). Example domains and mailboxes (collab.example.com, *@example.com) are
  // found without being listed. Replace each value, then remove its path.
  placeholders: [
    'org.prefix',
    'platform.appImageName',
    'platform.certificates.mainland',
    'platform.certificates.international',
    'access.listener.certificateId',
    'flows.conversation-relay-cn-sg.legalBasis.reference',
    'flows.conversation-relay-sg-cn.legalBasis.reference',
    'flows.approval-notifications.legalBasis.reference',
  ],
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
