/**
 * Access routes (lib/topology/access-routes.ts): where each unit's users' requests go, derived from the hostnames,
 * the access points and the listener, and the legal basis validation asks for when they leave the users' country.
 * Fixture only: t1 CN (hub, serves oa and reports), t2 JP (jp), t3 DE (de), t4 MY (no hostname); one access point in
 * Singapore behind an HTTPS listener.
 */
import { accessRoutes } from '../lib/topology/access-routes';
import type { TopologyDeclaration } from '../lib/topology/types';
import { topologyProblems } from '../lib/topology/validate';
import { FIXTURE_UNIT_IDS, fixtureTopology, type Mutable, unitIn } from './fixtures/topology';
import { modelOf } from './helpers/synth';

const all = () => fixtureTopology([...FIXTURE_UNIT_IDS]);

describe('routes of the four-unit fixture', () => {
  const model = modelOf(all());

  it('has one route per hostname and unit: the SG access point decrypts every request, so even own hostnames leave home', () => {
    const expected = model.access.hostnames.flatMap((h) => model.units.map((u) => `${h.label}/${u.id}`)).sort();
    expect(model.accessRoutes.map((r) => r.key)).toEqual(expected);
  });

  it('says for each route where its requests are in clear outside the users country', () => {
    for (const r of model.accessRoutes) {
      const user = model.unitsById[r.userUnitId];
      const serving = model.unitsById[r.servingUnitId];
      expect(r.userCountry).toBe(user.country);
      expect(r.servingRegion).toBe(serving.region);
      expect(r.entryPoints).toEqual([{ name: 'sin', region: 'ap-southeast-1', country: 'SG', terminatesTls: true }]);
      const expected = [...new Set(['SG', serving.regionInfo.country])].filter((c) => c !== user.country).sort();
      expect(r.landsAbroad).toEqual(expected);
      expect(r.crossesBorder).toBe(expected.length > 0);
    }
  });

  it('routes the hub users of their own oa through Singapore and back, which crosses a border', () => {
    expect(model.accessRoutes.find((r) => r.key === 'oa/t1')).toMatchObject({ servingUnitId: 't1', landsAbroad: ['SG'], crossesBorder: true });
  });
});

describe('what changes the routes', () => {
  const units = [
    { id: 'a', country: 'CN', region: 'cn-hangzhou' as const },
    { id: 'b', country: 'VN', region: 'ap-southeast-1' as const },
    { id: 'c', country: 'CN', region: 'cn-beijing' as const },
  ];
  const hostnames = [
    { label: 'oa', fqdn: 'oa.x', unitId: 'a' },
    { label: 'vn', fqdn: 'vn.x', unitId: 'b' },
  ];

  it('passes TLS through with a TCP listener: an access point abroad no longer sees the requests', () => {
    const routes = accessRoutes({ hostnames, units, accessPoints: [{ name: 'sg', region: 'ap-southeast-1' }], listenerProtocol: 'tcp' });
    expect(routes.map((r) => `${r.key} ${r.landsAbroad.join(',')}`)).toEqual(['oa/b CN', 'oa/c ', 'vn/a SG', 'vn/c SG']);
    expect(routes.find((r) => r.key === 'oa/c')!.crossesBorder).toBe(false);
  });

  it('keeps the own hostname of a residency unit home when its access point is in the region it keeps data in', () => {
    const routes = accessRoutes({ hostnames, units, accessPoints: [{ name: 'sg', region: 'ap-southeast-1' }], listenerProtocol: 'https' });
    // b's staff (VN) opening vn. in Singapore through the Singapore access point: its residency covers that.
    expect(routes.map((r) => r.key)).not.toContain('vn/b');
    // a's staff opening oa. through Singapore: decrypted abroad.
    expect(routes.find((r) => r.key === 'oa/a')).toMatchObject({ landsAbroad: ['SG'], crossesBorder: true });
  });

  it('lists a cross-unit route inside one country without a border crossing', () => {
    const routes = accessRoutes({ hostnames, units, accessPoints: [{ name: 'hz', region: 'cn-hangzhou' }], listenerProtocol: 'https' });
    expect(routes.find((r) => r.key === 'oa/c')).toMatchObject({ landsAbroad: [], crossesBorder: false });
    expect(routes.map((r) => r.key)).not.toContain('oa/a');
  });
});

describe('validation of units.<id>.crossBorderAccess', () => {
  const problems = (change: (t: Mutable) => void): string[] => topologyProblems(fixtureTopology(['t1', 't2'], change) as TopologyDeclaration);

  it('accepts the fixture', () => {
    expect(topologyProblems(all())).toEqual([]);
  });

  it("asks for a basis where a unit's staff's requests leave their country, naming the countries and hostnames", () => {
    expect(problems((t) => delete unitIn(t, 't2').crossBorderAccess)).toEqual([
      "units.t2.crossBorderAccess: is missing: requests of unit t2's staff (JP) are processed in CN and SG (jp.fixture.example.net, oa.fixture.example.net and reports.fixture.example.net); declare crossBorderAccess: { legalBasis: { basis, reference } } naming the transfer instrument for their requests and access logs and where its record is kept, or serve those hostnames from their own country",
    ]);
  });

  it('checks the basis it is given', () => {
    expect(problems((t) => (unitIn(t, 't1').crossBorderAccess = { legalBasis: { basis: 'PIPL' } }))).toEqual([
      'units.t1.crossBorderAccess.legalBasis.reference: is missing; say where its record is kept: a contract or filing number, or a document link',
    ]);
    expect(problems((t) => (unitIn(t, 't1').crossBorderAccess = { basis: 'PIPL', reference: 'x' }))[0]).toMatch(
      /^units\.t1\.crossBorderAccess\.basis: "PIPL" is not a known field; use one of legalBasis/,
    );
  });

  it('leaves a basis no route needs alone (whether one is needed depends on other units)', () => {
    // t2 alone behind a TCP listener: its staff open only jp., in Tokyo, and the access point cannot read them.
    const t = fixtureTopology(['t1', 't2'], (x) => {
      x.access.listener = { protocol: 'tcp' };
      x.access.hostnames = { jp: 't2' };
    });
    expect(topologyProblems(t)).toEqual([]);
    expect(modelOf(t).accessRoutes.map((r) => r.key)).toEqual(['jp/t1']);
  });
});
