/**
 * The topology: what is shared by all units. Units themselves are declared one file each, in
 * stacks/unit-<id>/unit.ts, and are discovered from there, so adding a country is adding a folder. A unit file may
 * also export `sites` (the scaffold writes the new unit's first site there); they join the sites declared here.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { TopologyDeclaration, UnitDeclaration } from '../lib/topology/types';
import type { SiteDeclaration } from '../lib/topology/types-sites';

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
      // Domestic services overseas users need: approvals and reporting live with HQ data. HQ staff resolve them on the
      // default line to the cn ALB; the factory's on the oversea line to the Singapore access point, which carries
      // them over the backbone to Hangzhou. Their requests are decrypted in Singapore and served in China.
      oa: {
        unit: 'cn',
        crossBorderUse: {
          basis: 'Decree 13/2023 overseas transfer impact assessment for factory staff using HQ approvals (via Singapore to China)',
          reference: 'legal/transfers/vn-to-cn-2026-002',
        },
      },
      reports: {
        unit: 'cn',
        crossBorderUse: {
          basis: 'Decree 13/2023 overseas transfer impact assessment for factory staff using HQ reporting (via Singapore to China)',
          reference: 'legal/transfers/vn-to-cn-2026-003',
        },
      },
      // The factory's own workspace, whose data lives in the overseas unit. No access point is in mainland China, so
      // HQ staff who open it go straight to the Singapore ALB over the public internet, decrypted there.
      vn: {
        unit: 'sg',
        withoutAccessPoint: 'direct',
        crossBorderUse: { basis: 'PIPL standard contract for HQ staff using the factory workspace', reference: 'legal/transfers/cn-to-sg-2026-003' },
      },
    },
  },
  sites: [
    // ~3,000 staff at headquarters in Shandong; Jinan's coordinates stand for the site.
    {
      id: 'hq',
      name: 'Headquarters, Shandong (Jinan)',
      country: 'CN',
      latitude: 36.65,
      longitude: 117.12,
      unit: 'cn',
      population: 'default',
      staff: 3000,
      latencyBudgetMs: { oa: 50, reports: 50 },
    },
    // ~500 staff at the factory; 120 ms is the top of what the Singapore access point measured.
    {
      id: 'hcmc',
      name: 'Factory, Ho Chi Minh City',
      country: 'VN',
      latitude: 10.82,
      longitude: 106.63,
      unit: 'sg',
      population: 'oversea',
      staff: 500,
      latencyBudgetMs: 120,
    },
  ],
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

/** The unit modules below `stacksDir` (stacks/unit-<id>/unit.ts), sorted by folder name, with their folder's id. */
function unitModules(stacksDir: string): { dir: string; id: string; module: { unit?: UnitDeclaration; sites?: readonly SiteDeclaration[] } }[] {
  return fs
    .readdirSync(stacksDir)
    .sort()
    .flatMap((dir) => {
      const m = UNIT_DIR.exec(dir);
      if (!m || !fs.existsSync(path.join(stacksDir, dir, 'unit.ts'))) return [];
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return [{ dir, id: m[1], module: require(path.join(stacksDir, dir, 'unit')) }];
    });
}

/**
 * Reads every stacks/unit-<id>/unit.ts below `stacksDir`, sorted by folder name. A folder whose declaration
 * names another id is an error: the folder name is the stack name.
 */
export function loadUnits(stacksDir: string = __dirname): UnitDeclaration[] {
  return unitModules(stacksDir).map(({ dir, id, module }) => {
    const declared = module.unit;
    if (declared?.id !== id) {
      throw new Error(
        `stacks/${dir}/unit.ts: id ${JSON.stringify(declared?.id)} does not match its folder; set id: "${id}" or rename the folder to unit-${declared?.id}`,
      );
    }
    return declared;
  });
}

/** The sites the unit files below `stacksDir` export (`export const sites`), in folder order. */
export function loadUnitSites(stacksDir: string = __dirname): SiteDeclaration[] {
  return unitModules(stacksDir).flatMap(({ module }) => module.sites ?? []);
}

/**
 * The declared topology: `sharedPart` (the shared settings declared here, by default) plus the units found below
 * `stacksDir`, and their sites joined to the shared ones.
 */
export function loadTopology(stacksDir?: string, sharedPart: Omit<TopologyDeclaration, 'units'> = shared): TopologyDeclaration {
  return { ...sharedPart, units: loadUnits(stacksDir), sites: [...sharedPart.sites, ...loadUnitSites(stacksDir)] };
}
