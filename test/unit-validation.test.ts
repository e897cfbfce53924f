import { resolveTopology } from '../lib/topology/resolve';
import { topologyProblems } from '../lib/topology/validate';
import type { TopologyDeclaration } from '../lib/topology/types';
import { resourcesOf, synthTopology } from './helpers/synth';
import { fixtureTopology, type Mutable, mutableFixture as base, unitIn as unit } from './fixtures/topology';

// Each case breaks one unit field the Unit construct reads; the problem names the field, the value and the fix.
const cases: [string, (t: Mutable) => void, string][] = [
  [
    'malformed KMS instance id',
    (t) => (unit(t, 't2').encryption = { keyStore: 'kms-instance', kmsInstanceId: 'my-kms', tde: 'unit-key' }),
    'units.t2.encryption.kmsInstanceId: "my-kms" is not valid; give the id of a KMS instance in ap-northeast-1 (kst-...)',
  ],
  [
    'unknown encryption field',
    (t) => (unit(t, 't1').encryption = { keyStore: 'default-key', tde: 'unit-key', keyId: 'k' }),
    'units.t1.encryption.keyId: "k" is not a known field; use one of keyStore, kmsInstanceId, tde (check the spelling)',
  ],
  ['encryption not an object', (t) => (unit(t, 't1').encryption = 'kms'), 'units.t1.encryption: "kms" is not an object; declare it as an object literal'],
];

describe('unit settings validation', () => {
  it.each(cases)('%s', (_name, mutate, expected) => {
    const t = base();
    mutate(t);
    expect(topologyProblems(t as TopologyDeclaration)).toContain(expected);
  });

  it('accepts a well-formed KMS instance id', () => {
    const t = base();
    unit(t, 't2').encryption = { keyStore: 'kms-instance', kmsInstanceId: 'kst-tyo65a1b2c3d4', tde: 'unit-key' };
    expect(topologyProblems(t)).toEqual([]);
  });

  it('never resolves a unit without an HTTPS certificate (validation reports it first)', () => {
    const t = base();
    delete t.platform.certificates.international;
    expect(topologyProblems(t).some((p: string) => p.startsWith('units.t2.ingress.certificateId: is missing'))).toBe(true);
    expect(() => resolveTopology(t)).toThrow(/^resolveTopology: unit t2 has no certificate; validateTopology reports this first$/);
  });
});

describe('optional unit settings reach the output', () => {
  const out = synthTopology(
    fixtureTopology(['t1', 't2'], (t) => {
      unit(t, 't2').encryption = { keyStore: 'kms-instance', kmsInstanceId: 'kst-tyo65a1b2c3d4', tde: 'unit-key' };
      unit(t, 't2').sizing.app.imageId = 'm-t4n0a1b2c3d4e5f6';
      unit(t, 't2').ingress = { certificateId: '99887766-ap-southeast-1' };
    }),
  ).stacks;

  it('creates the key in the declared KMS instance', () => {
    expect(Object.values(resourcesOf(out['unit-t2'], 'alicloud_kms_key'))[0].dkms_instance_id).toBe('kst-tyo65a1b2c3d4');
    expect(Object.values(resourcesOf(out['unit-t1'], 'alicloud_kms_key'))[0].dkms_instance_id).toBeUndefined();
  });

  it('boots the declared image, and checks at plan time that it exists, naming the unit field', () => {
    const [lookup] = Object.values<any>(out['unit-t2'].data.alicloud_images);
    expect(lookup).toMatchObject({ image_id: 'm-t4n0a1b2c3d4e5f6' });
    expect(lookup.lifecycle.postcondition[0].error_message).toMatch(/^units\.t2\.sizing\.app\.imageId: image m-t4n0a1b2c3d4e5f6 is not available/);
    expect(Object.values(resourcesOf(out['unit-t2'], 'alicloud_ecs_launch_template'))[0].image_id).toBe('m-t4n0a1b2c3d4e5f6');
    // The other unit, which declares none, looks its image up by name.
    const [byName] = Object.values<any>(out['unit-t1'].data.alicloud_images);
    expect(byName).toMatchObject({ name_regex: '^fx-app-2026\\.01$', owners: 'self', most_recent: true });
    expect(byName.lifecycle.postcondition[0].error_message).toMatch(/^platform\.appImageName: no available image named fx-app-2026\.01/);
  });

  it("uses the unit's own certificate over the platform's", () => {
    const https = Object.values(resourcesOf(out['unit-t2'], 'alicloud_alb_listener')).find((l) => l.listener_protocol === 'HTTPS');
    expect(https.certificates).toEqual([{ certificate_id: '99887766-ap-southeast-1' }]);
    const hubHttps = Object.values(resourcesOf(out['unit-t1'], 'alicloud_alb_listener')).find((l) => l.listener_protocol === 'HTTPS');
    expect(hubHttps.certificates).toEqual([{ certificate_id: '20000001-cn-hangzhou' }]);
  });
});
