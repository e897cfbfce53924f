import * as fs from 'fs';
import * as path from 'path';
import { checkOutdir, checkStack, loadSchemas } from '../lib/schema-check/check';
import { loadTopology } from '../stacks/topology';
import { synthTopology } from './helpers/synth';

const schema = loadSchemas();
const topology = loadTopology();
const synth = synthTopology(topology);
const STACKS = Object.keys(synth.stacks);

describe('provider schema conformance of the declared topology', () => {
  it('synthesizes every unit stack, link and accel', () => {
    expect(STACKS).toEqual(['accel', 'link', ...topology.units.map((u) => `unit-${u.id}`)].sort());
  });

  it.each(STACKS)('stack %s has no schema problems', (name) => {
    expect(checkStack(synth.stacks[name], schema)).toEqual([]);
  });

  it('checks every resource of the output', () => {
    const result = checkOutdir(synth.outdir, schema);
    expect(result.stacks).toBe(Object.keys(synth.stacks).length);
    expect(result.resources).toBeGreaterThan(10);
    expect(result.problems).toEqual([]);
  });

  it.each(STACKS)('stack %s pins aliyun/alicloud 1.289.0', (name) => {
    expect(synth.stacks[name].terraform.required_providers.alicloud).toEqual({ source: 'aliyun/alicloud', version: '1.289.0' });
  });
});

describe('the schema check itself', () => {
  const broken = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'broken-stack.tf.json'), 'utf8'));
  const problems = checkStack(broken, schema).map((p) => `${p.address}: ${p.problem}`);

  it.each([
    ['unknown attribute', /^alicloud_vpc\.typo: cidr_blok: unknown attribute or block$/],
    ['missing required attribute', /^alicloud_cen_transit_router\.no_cen: cen_id: required attribute is missing$/],
    ['enum', /^alicloud_dts_synchronization_instance\.bad_class: instance_class: "xxlarge" is not one of \["4xlarge",/],
    ['range', /^alicloud_alb_listener\.bad_port: listener_port: 70000 is above the maximum 65535$/],
    ['exactly-one-of group', /^alicloud_actiontrail_trail\.no_name: (name|trail_name): exactly one of \["name","trail_name"\] must be set, found none$/],
    ['type of a nested block', /^alicloud_cen_transit_router_vpc_attachment\.bad_type: zone_mappings\[0\]: expected an object/],
    ['computed-only attribute', /^alicloud_kms_key\.computed: arn: is computed by the provider and cannot be set$/],
    [
      'conflicting attributes',
      /^alicloud_cen_instance\.both_names: (cen_instance_name|name): conflicts with "(name|cen_instance_name)"; set only one of them$/,
    ],
    ['unknown resource type', /^alicloud_no_such_thing\.x: unknown resource type/],
  ])('reports %s', (_what, expected) => {
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it('reports nothing on a correct resource', () => {
    expect(checkStack({ resource: { alicloud_vpc: { ok: { cidr_block: '10.0.0.0/16', vpc_name: 'ok' } } } }, schema)).toEqual([]);
  });
});
