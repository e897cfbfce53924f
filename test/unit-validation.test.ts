import { resolveTopology } from '../lib/topology/resolve';
import { loadTopology } from '../stacks/topology';
import { topologyProblems } from '../lib/topology/validate';
import type { TopologyDeclaration } from '../lib/topology/types';
import { clone, resourcesOf, synthTopology } from './helpers/synth';

type Mutable = any;
const base = (): Mutable => clone(loadTopology());
const unit = (t: Mutable, id: string) => t.units.find((u: Mutable) => u.id === id);

// Each case breaks one unit field the Unit construct reads; the problem names the field, the value and the fix.
const cases: [string, (t: Mutable) => void, string][] = [
  [
    'malformed KMS instance id',
    (t) => (unit(t, 'sg').encryption = { kmsInstanceId: 'my-kms' }),
    'units.sg.encryption.kmsInstanceId: "my-kms" is not valid; give the id of a KMS instance in ap-southeast-1 (kst-...), or leave it out to create the key without one',
  ],
  [
    'unknown encryption field',
    (t) => (unit(t, 'cn').encryption = { keyId: 'k' }),
    'units.cn.encryption.keyId: "k" is not a known field; use one of kmsInstanceId (check the spelling)',
  ],
  [
    'two contacts with one name',
    (t) => unit(t, 'cn').monitoring.contacts.push({ name: 'platform-oncall-cn', email: 'other@example.com' }),
    'units.cn.monitoring.contacts[1].name: "platform-oncall-cn" is listed twice; give each contact its own name (CloudMonitor contacts are keyed by name)',
  ],
  ['encryption not an object', (t) => (unit(t, 'cn').encryption = 'kms'), 'units.cn.encryption: "kms" is not an object; declare it as an object literal'],
];

describe('unit settings validation', () => {
  it.each(cases)('%s', (_name, mutate, expected) => {
    const t = base();
    mutate(t);
    expect(topologyProblems(t as TopologyDeclaration)).toContain(expected);
  });

  it('accepts a well-formed KMS instance id', () => {
    const t = base();
    unit(t, 'sg').encryption = { kmsInstanceId: 'kst-sgp65a1b2c3d4' };
    expect(topologyProblems(t)).toEqual([]);
  });

  it('never resolves a unit without an HTTPS certificate (validation reports it first)', () => {
    const t = base();
    delete t.platform.certificates.international;
    expect(topologyProblems(t).some((p) => p.startsWith('units.sg.ingress.certificateId: is missing'))).toBe(true);
    expect(() => resolveTopology(t)).toThrow(/^resolveTopology: unit sg has no certificate; validateTopology reports this first$/);
  });
});

describe('optional unit settings reach the output', () => {
  const t = base();
  unit(t, 'sg').encryption = { kmsInstanceId: 'kst-sgp65a1b2c3d4' };
  unit(t, 'sg').sizing.app.imageId = 'm-t4n0a1b2c3d4e5f6';
  unit(t, 'sg').ingress = { certificateId: '99887766-ap-southeast-1' };
  const out = synthTopology(t).stacks;

  it('creates the key in the declared KMS instance', () => {
    expect(Object.values(resourcesOf(out['unit-sg'], 'alicloud_kms_key'))[0].dkms_instance_id).toBe('kst-sgp65a1b2c3d4');
    expect(Object.values(resourcesOf(out['unit-cn'], 'alicloud_kms_key'))[0].dkms_instance_id).toBeUndefined();
  });

  it('boots the declared image without looking one up', () => {
    expect(out['unit-sg'].data?.alicloud_images).toBeUndefined();
    expect(Object.values(resourcesOf(out['unit-sg'], 'alicloud_ecs_launch_template'))[0].image_id).toBe('m-t4n0a1b2c3d4e5f6');
  });

  it("uses the unit's own certificate over the platform's", () => {
    const https = Object.values(resourcesOf(out['unit-sg'], 'alicloud_alb_listener')).find((l) => l.listener_protocol === 'HTTPS');
    expect(https.certificates).toEqual([{ certificate_id: '99887766-ap-southeast-1' }]);
  });
});
