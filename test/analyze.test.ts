/**
 * The reachability and residency analysis (lib/analyze) on synthesized JSON: it passes the shipped declaration and the
 * four-unit fixture (t1 hub CN; t1 <-> t2 flows both ways; t1 -> t3 one flow; t4 no flow), proving every declared
 * flow; and each hand-broken copy of the fixture's output is caught, naming the addresses involved. Each topology is
 * synthesized once; breakages change deep copies of its JSON.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../lib/analyze/analyze';
import { type Analysis, errorsOf, findingLine, formatAnalysisReport, formatAnalysisSummary } from '../lib/analyze/report';
import { dataFlowRegister } from '../lib/register/register';
import type { TopologyModel } from '../lib/topology/model';
import { loadTopology } from '../stacks/topology';
import { FIXTURE_UNIT_IDS, fixtureTopology } from './fixtures/topology';
import { clone, type StackJson, synthTopology, tempDir } from './helpers/synth';

type Out = Record<string, StackJson>;
const ROOT = path.resolve(__dirname, '..');

const shipped = synthTopology(loadTopology());
const fixture = synthTopology(fixtureTopology([...FIXTURE_UNIT_IDS]));
const fx: TopologyModel = fixture.built.model;

/** The `type.name` and body of the one resource of `type` in `stack` whose attributes include `match`. */
function find(out: Out, stack: string, type: string, match: Record<string, unknown> = {}): { address: string; body: Record<string, any> } {
  const found = Object.entries(out[stack].resource?.[type] ?? {}).filter(([, b]: [string, any]) =>
    Object.entries(match).every(([k, v]) => JSON.stringify(b[k]) === JSON.stringify(v)),
  );
  if (found.length !== 1) throw new Error(`${found.length} ${type} in ${stack} match ${JSON.stringify(match)}`);
  return { address: `${type}.${found[0][0]}`, body: found[0][1] as Record<string, any> };
}

const ref = (address: string, attr: string) => `\${${address}.${attr}}`;
const errors = (a: Analysis) => errorsOf(a).map(findingLine);

/** Analyses a broken copy of the fixture output and returns its errors. */
function broken(change: (out: Out) => void): string[] {
  const out = clone(fixture.stacks) as Out;
  change(out);
  return errors(analyze(out, fx));
}

describe.each([
  ['the shipped declaration', shipped],
  ['the four-unit fixture', fixture],
])('%s', (_label, s) => {
  const model = s.built.model;
  const a = analyze(s.stacks, model);

  it('has no violation', () => {
    expect(errors(a)).toEqual([]);
  });

  it('proves every declared flow admitted end to end, naming the target rules', () => {
    for (const f of model.flows) {
      const proof = a.proofs.find((p) => p.check === 'flows' && p.message.startsWith(`flow ${f.key} `));
      expect(proof).toBeDefined();
      const rules = proof!.resources.filter((r) => r.stack === `unit-${f.to}` && r.address.startsWith('alicloud_security_group_rule.'));
      expect(rules).toHaveLength(Object.keys(f.sourceCidrs).length);
      expect(proof!.resources.some((r) => r.stack === 'link' && r.address.startsWith('alicloud_cen_transit_router_peer_attachment.'))).toBe(true);
      expect(proof!.resources.filter((r) => r.address.startsWith('alicloud_route_entry.')).length).toBe(
        model.unitsById[f.from].zones.length + model.unitsById[f.to].zones.length,
      );
    }
  });

  it('proves every DTS job and every access route against the register', () => {
    for (const job of model.replication.jobs) expect(a.proofs.some((p) => p.message.startsWith(`DTS job ${job.name} copies only registered`))).toBe(true);
    const registered = dataFlowRegister(model).entries.filter((e) => e.kind === 'access');
    expect(registered.length).toBeGreaterThan(0);
    for (const e of registered) expect(a.proofs.some((p) => p.message.includes(`as register entry ${e.id} lists`))).toBe(true);
  });

  it('reports local state as a warning only', () => {
    expect(a.findings.filter((f) => f.severity === 'warning').map((f) => f.check)).toEqual(['secrets']);
    expect(formatAnalysisSummary(a)).toMatch(
      /^analysis: \(a\) flows ok, \(b\) isolation ok, \(c\) residency ok, \(d\) secrets ok, \(e\) register ok; 1 warning/,
    );
  });
});

describe('the four-unit fixture: what the flows leave out', () => {
  it('gives t4 (no flow) and the t2-t3 pair (no flow between them) no route and no peering', () => {
    const link = JSON.stringify(fixture.stacks.link);
    for (const cidr of Object.values(fx.unitsById.t4.network.subnets.app)) expect(link).not.toContain(cidr);
    const peers = Object.values(fixture.stacks.link.resource.alicloud_cen_transit_router_peer_attachment) as any[];
    expect(peers.map((p) => p.transit_router_peer_attachment_name).sort()).toEqual(['fx-t1-t2-peer', 'fx-t1-t3-peer']);
  });
});

describe('hand-broken output is caught, naming the addresses', () => {
  it('an extra security-group rule admitting another unit’s range', () => {
    const found = broken((out) => {
      const group = find(out, 'unit-t2', 'alicloud_security_group', { security_group_name: 'fx-t2-app-secgroup' });
      out['unit-t2'].resource.alicloud_security_group_rule.extra_mysql = {
        security_group_id: ref(group.address, 'id'),
        type: 'ingress',
        ip_protocol: 'tcp',
        port_range: '3306/3306',
        cidr_ip: fx.unitsById.t3.network.subnets.link['eu-central-1a'],
        policy: 'accept',
        nic_type: 'intranet',
      };
    });
    expect(found).toEqual([
      "analyze (b) error: ingress rule of unit t2 admits 10.13.30.0/28 (unit t3's range 10.13.0.0/16) on tcp/3306, and no declared flow needs it [unit-t2 alicloud_security_group_rule.extra_mysql, unit-t2 alicloud_security_group.unit_security_app_7411D069]",
    ]);
  });

  it('a flow rule widened to another port', () => {
    const found = broken((out) => {
      const rule = find(out, 'unit-t2', 'alicloud_security_group_rule', {
        cidr_ip: fx.unitsById.t1.network.subnets.app['cn-shanghai-e'],
        port_range: '7443/7443',
      });
      rule.body.port_range = '1/65535';
    });
    expect(
      found.some((l) =>
        /^analyze \(b\) error: ingress rule of unit t2 admits 10\.11\.10\.0\/24 .* on tcp\/1-65535, and no declared flow needs it \[unit-t2 alicloud_security_group_rule\.unit_security_flow-chat-t1-t2/.test(
          l,
        ),
      ),
    ).toBe(true);
  });

  it('a missing route', () => {
    const found = broken((out) => {
      const route = find(out, 'link', 'alicloud_route_entry', { name: 'fx-t1-to-t2-ap-northeast-1a' });
      delete out.link.resource.alicloud_route_entry[route.address.split('.')[1]];
    });
    // Both flows between t1 and t2 need it, and both register entries name it.
    const vswitch = find(fixture.stacks, 'unit-t2', 'alicloud_vswitch', { cidr_block: '10.12.10.0/24' }).address;
    const vpc = find(fixture.stacks, 'unit-t1', 'alicloud_vpc').address;
    expect(found).toEqual(
      ['chat-t1-t2', 'chat-t2-t1']
        .flatMap((key) => [
          `analyze (a) error: flow ${key}: unit t1's VPC has no route to unit t2's app range 10.12.10.0/24 through its CEN attachment [unit-t2 ${vswitch}, unit-t1 ${vpc}]`,
        ])
        .concat(
          ['chat-t1-t2', 'chat-t2-t1'].map(
            (key) =>
              `analyze (e) error: register entry flow/${key} names link: alicloud_route_entry name=fx-t1-to-t2-ap-northeast-1a, which the output does not have [link alicloud_route_entry[name=fx-t1-to-t2-ap-northeast-1a]]`,
          ),
        ),
    );
  });

  it('a missing target rule, and a group detached from the app instances', () => {
    const noRule = broken((out) => {
      const rule = find(out, 'unit-t3', 'alicloud_security_group_rule', { cidr_ip: fx.unitsById.t1.network.subnets.app['cn-shanghai-f'] });
      delete out['unit-t3'].resource.alicloud_security_group_rule[rule.address.split('.')[1]];
    });
    expect(noRule).toEqual([
      expect.stringMatching(
        /^analyze \(a\) error: flow report-t1-t3: no rule of unit t3's app security group admits unit t1's app range 10\.11\.11\.0\/24 on tcp\/8443 \[unit-t1 alicloud_vswitch\.unit_network_app-cn-shanghai-f_\w+, unit-t3 alicloud_security_group\.unit_security_app_7411D069\]$/,
      ),
      'analyze (e) error: register entry flow/report-t1-t3 names unit-t3: alicloud_security_group_rule cidr_ip=10.11.11.0/24 ip_protocol=tcp port_range=8443/8443, which the output does not have [unit-t3 alicloud_security_group_rule[cidr_ip=10.11.11.0/24,ip_protocol=tcp,port_range=8443/8443]]',
    ]);
    const detached = broken((out) => {
      find(out, 'unit-t3', 'alicloud_ecs_launch_template').body.security_group_ids = [];
    });
    expect(detached).toEqual(
      expect.arrayContaining([
        'analyze (a) error: flow report-t1-t3: no security group of unit t3 is attached to its app instances [unit-t1 alicloud_vpc.unit_network_vpc_E5679DC5]',
        'analyze (b) error: security group is attached to nothing (no instance, launch template, load balancer or interface uses it) [unit-t3 alicloud_security_group.unit_security_app_7411D069]',
      ]),
    );
  });

  it('a whitelist naming another unit’s link range', () => {
    const found = broken((out) => {
      find(out, 'unit-t1', 'alicloud_db_instance').body.security_ips.push(fx.unitsById.t2.network.subnets.link['ap-northeast-1a']);
    });
    expect(found).toEqual([
      "analyze (b) error: security_ips of unit t1 admits 10.12.30.0/28 (unit t2's range 10.12.0.0/16); no flow may reach a data tier [unit-t1 alicloud_db_instance.unit_database_instance_F8241F94]",
    ]);
  });

  it('a route and a peering between units with no flow', () => {
    const found = broken((out) => {
      const [t2, t3] = ['t2', 't3'].map((id) => find(out, 'link', 'alicloud_cen_transit_router', { transit_router_name: `fx-${id}-tr` }));
      const t2Attachment = find(out, 'link', 'alicloud_cen_transit_router_vpc_attachment', { transit_router_vpc_attachment_name: 'fx-t2-vpc-attachment' });
      const t2Table = find(out, 'link', 'alicloud_route_entry', { name: 'fx-t2-to-t1-cn-shanghai-e' }).body.route_table_id;
      out.link.resource.alicloud_cen_transit_router_peer_attachment.sideways = {
        cen_id: '${alicloud_cen_instance.link_interconnect_cen_A5905509.id}',
        transit_router_id: ref(t2.address, 'transit_router_id'),
        peer_transit_router_id: ref(t3.address, 'transit_router_id'),
        peer_transit_router_region_id: 'eu-central-1',
      };
      out.link.resource.alicloud_route_entry.sideways = {
        route_table_id: t2Table,
        destination_cidrblock: fx.unitsById.t3.network.subnets.app['eu-central-1a'],
        nexthop_type: 'Attachment',
        nexthop_id: ref(t2Attachment.address, 'transit_router_attachment_id'),
        name: 'fx-t2-to-t3',
      };
    });
    expect(found).toEqual([
      'analyze (b) error: peer attachment joins units t2 and t3, which have no declared flow [link alicloud_cen_transit_router_peer_attachment.sideways]',
      "analyze (b) error: unit t2's VPC routes 10.13.10.0/24 (unit t3's range 10.13.0.0/16), which no flow pair needs [link alicloud_route_entry.sideways]",
    ]);
  });

  it('a bucket replicating to another region', () => {
    const found = broken((out) => {
      const files = find(out, 'unit-t2', 'alicloud_oss_bucket', { bucket: fx.unitsById.t2.names.filesBucket });
      out['unit-t2'].resource.alicloud_oss_bucket_replication = {
        copy: { bucket: ref(files.address, 'id'), action: 'ALL', destination: { bucket: 'fx-t1-files', location: 'oss-cn-shanghai' } },
      };
    });
    expect(found).toEqual([
      'analyze (c) error: OSS bucket replication copies bucket objects from ap-northeast-1 to cn-shanghai [unit-t2 alicloud_oss_bucket_replication.copy, unit-t2 alicloud_oss_bucket.unit_storage_files_B949A8F9, unit-t1 alicloud_oss_bucket.unit_storage_files_B949A8F9]',
    ]);
  });

  it('a DTS job whose db_list copies a personal column', () => {
    const job = find(fixture.stacks, 'link', 'alicloud_dts_synchronization_job', { dts_job_name: 'fx-org-t1-to-t2' }).address;
    const found = broken((out) => {
      const job = find(out, 'link', 'alicloud_dts_synchronization_job', { dts_job_name: 'fx-org-t1-to-t2' });
      const list = JSON.parse(job.body.db_list);
      list.org_t1.Table.directory_entries.column.full_name = { name: 'full_name' };
      job.body.db_list = JSON.stringify(list);
    });
    expect(found).toEqual([
      `analyze (c) error: DTS job copies org_t1.directory_entries.full_name, a column the catalog classes personal [link ${job}, unit-t1 alicloud_db_instance.unit_database_instance_F8241F94, unit-t2 alicloud_db_instance.unit_database_instance_F8241F94]`,
    ]);
  });

  it('a DTS job copying a whole database, or one no register entry lists', () => {
    const found = broken((out) => {
      const job = find(out, 'link', 'alicloud_dts_synchronization_job', { dts_job_name: 'fx-org-t3-to-t1' });
      job.body.db_list = JSON.stringify({ collab: { name: 'collab', all: true } });
    });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^analyze \(c\) error: DTS job copies database collab from unit t3 to unit t1, which no register entry lists \[link alicloud_dts_synchronization_job\./,
        ),
        expect.stringMatching(/^analyze \(c\) error: DTS job copies the whole database collab \("all": true\)/),
      ]),
    );
  });

  it('a trail delivering to another region, and a unit resource on another region’s provider', () => {
    const found = broken((out) => {
      const trail = find(out, 'unit-t3', 'alicloud_actiontrail_trail');
      trail.body.sls_project_arn = trail.body.sls_project_arn.replace('acs:log:eu-central-1:', 'acs:log:cn-shanghai:');
      out['unit-t4'].provider.alicloud.push({ alias: 'elsewhere', region: 'cn-shanghai' });
      find(out, 'unit-t4', 'alicloud_oss_bucket', { bucket: fx.unitsById.t4.names.auditBucket }).body.provider = 'alicloud.elsewhere';
    });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^analyze \(c\) error: ActionTrail trail names project region cn-shanghai, but its project is in eu-central-1 \[unit-t3 alicloud_actiontrail_trail\./,
        ),
        expect.stringMatching(
          /^analyze \(c\) error: ActionTrail trail of unit t3 \(SLS delivery\) lands in cn-shanghai, outside eu-central-1 of what it logs \[unit-t3 alicloud_actiontrail_trail\./,
        ),
        "analyze (c) error: resource of unit t4 is created in cn-shanghai, outside the unit's region ap-southeast-3 [unit-t4 alicloud_oss_bucket.unit_storage_audit_9C322C16]",
      ]),
    );
  });

  it('a hostname sent to another unit than the register says', () => {
    const found = broken((out) => {
      // oa. is t1's; the overseas sites reach it through the access point, whose rule now sends it to t3 (Frankfurt).
      const rule = find(out, 'accel', 'alicloud_ga_forwarding_rule', { forwarding_rule_name: 'fx-ga-host-oa' });
      const t3Group = find(out, 'accel', 'alicloud_ga_endpoint_group', { name: 'fx-ga-t3' });
      rule.body.rule_actions[0].rule_action_value = JSON.stringify([{ type: 'endpointgroup', value: ref(t3Group.address, 'id') }]);
    });
    const viaAccessPoint = fx.access.routes.filter((r) => r.label === 'oa' && r.entry.kind === 'access-point').map((r) => r.siteId);
    expect(viaAccessPoint.length).toBeGreaterThan(0);
    for (const site of viaAccessPoint)
      expect(found).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^analyze \\(c\\) error: requests to oa\\.fixture\\.example\\.net reach unit t3, but register entry access/oa/${site} says unit t1 serves them \\[.*accel alicloud_ga_forwarding_rule\\.access_routing_rule-oa_`,
          ),
        ),
      );
    for (const l of found)
      expect(l).toMatch(
        /^analyze \(c\) error: (requests to oa\.fixture\.example\.net reach unit t3, but register entry access\/oa\/\w+ says unit t1 serves them|requests of .+ \(site \w+ of unit t\d\) to oa\.fixture\.example\.net are processed in DE, which register entry access\/oa\/\w+ does not list) \[.*accel alicloud_ga_forwarding_rule\.access_routing_rule-oa_/,
      );
  });

  it('remote state, a password or account outside its unit, secret outputs', () => {
    const found = broken((out) => {
      out.link.data.terraform_remote_state = { 'unit-t2': { backend: 'local', config: { path: '../../../terraform.unit-t2.tfstate' } } };
      out.link.resource.random_password = { dts: { length: 32 } };
      out.link.resource.alicloud_rds_account = {
        dts_t2: { db_instance_id: 'rm-123', account_name: 'dts_t2', account_password: '${random_password.dts.result}' },
      };
      const app = find(out, 'unit-t2', 'alicloud_rds_account', { account_name: 'app_t2' });
      out['unit-t2'].output.rds_app_password = { value: ref(app.address, 'account_password'), sensitive: true };
      const [secretRead] = Object.keys(out.link.data.alicloud_oos_secret_parameters);
      out.link.output.dts_password = { value: `\${data.alicloud_oos_secret_parameters.${secretRead}.parameters[0].value}` };
    });
    expect(found).toEqual(
      expect.arrayContaining([
        "analyze (d) error: reads another stack's whole state through terraform_remote_state [link data.terraform_remote_state.unit-t2]",
        'analyze (d) error: random_password outside a unit stack [link random_password.dts]',
        'analyze (d) error: database account or grant outside a unit stack [link alicloud_rds_account.dts_t2]',
        expect.stringMatching(
          /^analyze \(d\) error: stack link exports a secret as output dts_password \(data\.alicloud_oos_secret_parameters\.\S+\.parameters\[0\]\.value\) \[link output\.dts_password, link data\.alicloud_oos_secret_parameters\.\S+\]$/,
        ),
        'analyze (d) error: unit t2 exports a secret as output rds_app_password (alicloud_rds_account.unit_database_app-account_CB3A4868.account_password) [unit-t2 output.rds_app_password, unit-t2 alicloud_rds_account.unit_database_app-account_CB3A4868]',
      ]),
    );
  });

  it('a credential that leaves its unit and opens personal data', () => {
    const found = broken((out) => {
      const grant = find(out, 'unit-t2', 'alicloud_db_account_privilege', {
        privilege: 'ReadOnly',
        db_names: [`\${alicloud_db_database.unit_database_org-db_238CBD7D.data_base_name}`],
      });
      grant.body.db_names.push('${alicloud_db_database.unit_database_app-db_161424B5.data_base_name}');
    });
    expect(found).toEqual([
      expect.stringMatching(
        /^analyze \(d\) error: dts_t2, whose password leaves unit t2, holds ReadOnly on collab \(personal data\) \[link data\.alicloud_oos_secret_parameters\.link_unit-t2_dts-password_\w+, unit-t2 alicloud_rds_account\.unit_replication_account_\w+, unit-t2 alicloud_db_account_privilege\.unit_replication_read-source_\w+\]$/,
      ),
    ]);
  });

  it('a cross-stack read the register does not list', () => {
    const found = broken((out) => {
      const read = Object.values(out.accel.data.alicloud_oos_parameters)[0] as any;
      out.accel.data.alicloud_oos_parameters.extra = { ...read, ids: ['fx/t2/rds-instance-id'], provider: 'alicloud.ap_northeast_1' };
    });
    expect(found).toEqual([
      "analyze (d) error: stack accel reads unit t2's fx/t2/rds-instance-id into its state, and no register state entry lists it [accel data.alicloud_oos_parameters.extra, unit-t2 alicloud_oos_parameter.unit_exports_rdsInstanceId_AB3E481F]",
    ]);
  });

  it('a register entry whose resources the output lacks', () => {
    const found = broken((out) => {
      const records = out.accel.resource.alicloud_alidns_record;
      for (const [name, r] of Object.entries(records) as [string, any][]) if (r.rr === 'de') delete records[name];
    });
    const entries = dataFlowRegister(fx).entries.filter((e) => e.id.startsWith('access/de/'));
    expect(entries.length).toBeGreaterThan(0);
    expect(found).toEqual(
      entries.map((e) => {
        const line = e.details.kind === 'access' ? e.details.line : '';
        return `analyze (e) error: register entry ${e.id} names accel: alicloud_alidns_record rr=de line=${line}, which the output does not have [accel alicloud_alidns_record[rr=de,line=${line}]]`;
      }),
    );
  });
});

describe('npm run analyze', () => {
  const cli = (dir: string) => {
    try {
      return {
        status: 0,
        stdout: execFileSync(process.execPath, ['-r', './scripts/register.js', 'scripts/analyze.ts', dir], {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      };
    } catch (e) {
      const err = e as { status: number; stdout: string };
      return { status: err.status, stdout: err.stdout };
    }
  };

  it('passes the shipped synth, with the report per check', () => {
    const r = cli(shipped.outdir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(formatAnalysisReport(analyze(shipped.stacks, shipped.built.model)));
  });

  it('exits 1 on a broken synth, naming the address', () => {
    const dir = tempDir('analyze-');
    fs.cpSync(path.join(shipped.outdir, 'stacks'), path.join(dir, 'stacks'), { recursive: true });
    const file = path.join(dir, 'stacks', 'unit-sg', 'cdk.tf.json');
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const rule of Object.values(doc.resource.alicloud_security_group_rule) as any[]) if (rule.port_range === '8443/8443') rule.cidr_ip = '10.1.30.0/28';
    fs.writeFileSync(file, JSON.stringify(doc));
    const r = cli(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /violation: ingress rule of unit sg admits 10\.1\.30\.0\/28 \(unit cn's range 10\.1\.0\.0\/16\) on tcp\/8443, and no declared flow needs it \[unit-sg alicloud_security_group_rule\.unit_security_flow-reporting-aggregates-cn/,
    );
    expect(r.stdout).toMatch(
      /violation: flow reporting-aggregates: no rule of unit sg's app security group admits unit cn's app range 10\.1\.10\.0\/24 on tcp\/8443/,
    );
  });
});
