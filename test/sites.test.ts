/**
 * Sites, routes and the path model: no synthesis here (the DNS records on synthesized JSON are in accel.test.ts).
 * The case's own numbers and the Philippines scenario run on the shipped declaration, since they are what the issue
 * asks the package to show; behaviour runs on the fixture.
 */
import * as fs from 'fs';
import * as path from 'path';
import { writeArtifacts } from '../lib/app/artifacts';
import { km, renderPathReport } from '../lib/paths/report';
import { deriveSite, deriveUnit } from '../lib/scaffold/new-unit';
import { fibreFloorMs, greatCircleKm, internetLegKind, type Place, STRETCH } from '../lib/topology/latency';
import type { TopologyModel } from '../lib/topology/model';
import type { SiteRouteModel } from '../lib/topology/sites';
import { topologyProblems } from '../lib/topology/validate';
import { TopologyError } from '../lib/topology/checks';
import { newUnit } from '../scripts/new-unit';
import { paths } from '../scripts/paths';
import { loadTopology, shared as declaredShared } from '../stacks/topology';
import { fixtureShared, fixtureTopology, type Mutable, writeFixtureStacks } from './fixtures/topology';
import { modelOf, tempDir } from './helpers/synth';

const route = (m: TopologyModel, site: string, label: string): SiteRouteModel => {
  const r = m.access.routes.find((x) => x.siteId === site && x.label === label);
  if (!r) throw new Error(`no route of ${site} to ${label}`);
  return r;
};

describe('the path model', () => {
  const place = (name: string, country: string, latitude: number, longitude: number): Place => ({
    name,
    country,
    mainland: country === 'CN',
    latitude,
    longitude,
  });

  it('measures great circles and their round trip at 2/3 c', () => {
    // A quarter of the equator: 10,007.5 km on the mean-radius sphere.
    expect(greatCircleKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 90 })).toBeCloseTo(10_007.5, 0);
    // 100 km of fibre there and back: 2 × 100 / 199,861.6 km/s.
    expect(fibreFloorMs(100)).toBeCloseTo(1.0007, 4);
  });

  it('tells the mainland border from other borders and from domestic legs', () => {
    const jinan = place('Jinan', 'CN', 36.65, 117.12);
    expect(internetLegKind(jinan, place('Hangzhou', 'CN', 30.27, 120.16))).toBe('internet-domestic');
    expect(internetLegKind(jinan, place('Hong Kong', 'HK', 22.32, 114.17))).toBe('internet-mainland-border');
    expect(internetLegKind(place('HCMC', 'VN', 10.82, 106.63), place('Singapore', 'SG', 1.35, 103.82))).toBe('internet-cross-border');
  });

  it('ranks the leg kinds as the case measured them: backbone < domestic < across a border < across the mainland border', () => {
    const f = (k: keyof typeof STRETCH) => STRETCH[k].factor;
    expect(f('backbone')).toBeLessThan(f('internet-domestic'));
    expect(f('internet-domestic')).toBeLessThan(f('internet-cross-border'));
    expect(f('internet-cross-border')).toBeLessThan(f('internet-mainland-border'));
  });
});

describe('the shipped declaration', () => {
  const model = modelOf(loadTopology());

  it('sends the Ho Chi Minh City factory to oa. through Singapore: floor 40-55 ms, estimate within or below the measured 80-120 ms, the direct path slower', () => {
    const r = route(model, 'hcmc', 'oa');
    expect(r.entry).toMatchObject({ kind: 'access-point', name: 'sg', region: 'ap-southeast-1' });
    expect(r.path.legs.map((l) => l.kind)).toEqual(['internet-cross-border', 'backbone']);
    expect(r.path.floorMs).toBeGreaterThanOrEqual(40);
    expect(r.path.floorMs).toBeLessThanOrEqual(55);
    expect(r.path.estimateMs).toBeLessThanOrEqual(120);
    // Calibrated on the measured 200-300 ms of the direct path, which crosses the mainland border.
    expect(r.direct.legs.map((l) => l.kind)).toEqual(['internet-mainland-border']);
    expect(r.direct.estimateMs).toBeGreaterThanOrEqual(200);
    expect(r.direct.estimateMs).toBeLessThanOrEqual(300);
    expect(r.direct.estimateMs).toBeGreaterThan(r.path.estimateMs);
  });

  it('sends HQ to oa. and reports. straight to the cn ALB, decrypted and served in the mainland', () => {
    for (const label of ['oa', 'reports']) {
      const r = route(model, 'hq', label);
      expect(r).toMatchObject({ line: 'default', entry: { kind: 'alb', unitId: 'cn' }, crossesBorder: false, crossesMainlandBorder: false });
    }
  });

  it('decrypts a mainland user abroad only where declared: HQ to vn., with its legal basis', () => {
    const abroad = model.access.routes.filter((r) => r.siteCountry === 'CN' && !r.decryptedIn.mainland);
    expect(abroad.map((r) => `${r.siteId} ${r.label}`)).toEqual(['hq vn']);
    expect(model.access.hostnames.find((h) => h.label === 'vn')!.withoutAccessPoint).toBe('direct');
    expect(abroad[0].legalBasis?.reference).toBe('legal/transfers/cn-to-sg-2026-003');
  });

  it('writes cdktf.out/paths.md listing every site and hostname with distances, floors and estimates', () => {
    const outdir = tempDir('artifacts-');
    expect(writeArtifacts(outdir, model)).toContain('paths.md');
    const report = fs.readFileSync(path.join(outdir, 'paths.md'), 'utf8');
    expect(report).toBe(renderPathReport(model));
    for (const r of model.access.routes) {
      const row = report.split('\n').find((l) => l.startsWith(`| ${r.fqdn} |`) && report.indexOf(l) > report.indexOf(`(\`${r.siteId}\`)`));
      expect(row).toBeDefined();
      for (const leg of r.path.legs) expect(row).toContain(`${km(leg.km)} km`);
      expect(row).toContain(`| ${r.path.floorMs.toFixed(1)} ms | ${r.path.estimateMs.toFixed(1)} ms |`);
      expect(row).toContain(`| ${r.direct.floorMs.toFixed(1)} ms | ${r.direct.estimateMs.toFixed(1)} ms |`);
    }
    expect(report).toContain('| oa.collab.example.com | `oversea`: access point sg (ap-southeast-1, Singapore) |');
  });
});

describe('routes on the fixture', () => {
  const model = modelOf(fixtureTopology(['t1', 't2', 't3', 't4']));

  it("answers each hostname's own population with its ALB, the other through the access point or as declared", () => {
    expect(model.access.dnsRecords.map((r) => `${r.label} ${r.line} ${r.type} ${r.reason} ${r.siteIds.join(',')}`)).toEqual([
      'de default CNAME direct nanjing',
      'de oversea CNAME own-population osaka,munich,penang',
      'jp default CNAME direct nanjing',
      'jp oversea CNAME own-population osaka,munich,penang',
      'oa default CNAME own-population nanjing',
      'oa oversea A access-point osaka,munich,penang',
      'reports default CNAME own-population nanjing',
      'reports oversea A access-point osaka,munich,penang',
    ]);
  });

  it("covers a unit's own staff at home by its residency basis, and everyone else by the hostname's", () => {
    expect(route(model, 'osaka', 'jp')).toMatchObject({ crossesBorder: false });
    expect(route(model, 'penang', 'jp')).toMatchObject({ crossesBorder: true, legalBasisFrom: 'hostname', legalBasis: { reference: 'fx/legal/012' } });
    const sg = modelOf(loadTopology());
    expect(route(sg, 'hcmc', 'vn')).toMatchObject({ crossesBorder: true, legalBasisFrom: 'unit-residency' });
  });

  it('decrypts at the access point with an HTTPS listener, at the unit with TCP passthrough', () => {
    expect(route(model, 'penang', 'oa').decryptedIn).toEqual({ region: 'ap-southeast-1', country: 'SG', mainland: false });
    const tcp = modelOf(
      fixtureTopology(['t1'], (t) => {
        t.access.listener = { protocol: 'tcp' };
        t.sites.push({ id: 'kl', name: 'KL office', country: 'MY', latitude: 3.14, longitude: 101.69, unit: 't1', population: 'oversea' });
      }),
    );
    expect(route(tcp, 'kl', 'oa')).toMatchObject({ entry: { kind: 'access-point' }, decryptedIn: { region: 'cn-shanghai', country: 'CN' } });
  });

  it('gives sites nearer another access point their country line, and says so where DNS cannot', () => {
    const m = modelOf(
      fixtureTopology(['t1', 't2', 't3', 't4'], (t) => {
        t.access.accessPoints.tyo = { region: 'ap-northeast-1', bandwidthMbps: 10 };
        t.sites.find((x: Mutable) => x.id === 'penang').staff = 500;
        // Ulaanbaatar is nearest Tokyo of the two, but Alibaba Cloud DNS has no line for Mongolia.
        t.sites.push({ id: 'ub', name: 'UB office', country: 'MN', latitude: 47.92, longitude: 106.92, unit: 't2', population: 'oversea' });
      }),
    );
    const oa = m.access.dnsRecords.filter((r) => r.label === 'oa').map((r) => `${r.line} ${r.target.kind === 'access-point' ? r.target.name : r.type}`);
    // Penang (500 staff, nearest Singapore) outweighs Osaka, Munich and Ulaanbaatar (200 + 100 + 1, nearest Tokyo).
    expect(oa).toEqual(['default CNAME', 'oversea sin', 'os_asia_jp tyo', 'os_euro_de tyo']);
    expect(route(m, 'osaka', 'oa')).toMatchObject({ line: 'os_asia_jp', entry: { name: 'tyo' }, nearestAccessPoint: 'tyo' });
    expect(route(m, 'ub', 'oa')).toMatchObject({ line: 'oversea', entry: { name: 'sin' }, nearestAccessPoint: 'tyo' });
    expect(route(m, 'ub', 'oa').note).toBe('access point tyo is nearer, but Alibaba Cloud DNS has no line for MN, so its resolvers get the oversea answer');
    expect(renderPathReport(m)).toContain('need Alibaba Cloud DNS Enterprise Standard edition or higher');
  });
});

describe('validation of sites and routes', () => {
  const cases: [string, (t: Mutable) => void, RegExp][] = [
    ['sites missing', (t) => delete t.sites, /^sites: is missing; declare where staff work/],
    ['latitude out of range', (t) => (t.sites[0].latitude = 91), /^sites\.nanjing\.latitude: 91 is not a number from -90 to 90; degrees north/],
    ['longitude not a number', (t) => (t.sites[0].longitude = '118E'), /^sites\.nanjing\.longitude: "118E" is not a number from -180 to 180/],
    ['unknown unit', (t) => (t.sites[1].unit = 't9'), /^sites\.osaka\.unit: "t9" is not a declared unit; .* one of t1, t2$/],
    ['country not ISO', (t) => (t.sites[1].country = 'Japan'), /^sites\.osaka\.country: "Japan" is not valid; use the ISO 3166-1 alpha-2 code/],
    [
      'population that does not match the country',
      (t) => (t.sites[1].population = 'default'),
      /^sites\.osaka\.population: "default" does not match country JP: Alibaba Cloud DNS answers resolvers outside mainland China on the oversea line; use "oversea"/,
    ],
    ['unknown population', (t) => (t.sites[1].population = 'internal'), /^sites\.osaka\.population: "internal" is not allowed; use one of default, oversea$/],
    ['duplicate id', (t) => (t.sites[1].id = 'nanjing'), /^sites\.nanjing\.id: "nanjing" is declared twice; give each site its own id$/],
    [
      'budget for an unknown hostname',
      (t) => (t.sites[0].latencyBudgetMs = { wiki: 50 }),
      /^sites\.nanjing\.latencyBudgetMs\.wiki: "wiki" is not a declared host label; use one of oa, reports, jp \(access\.hostnames\)$/,
    ],
    [
      'unit without a site',
      (t) => (t.sites = t.sites.filter((s: Mutable) => s.unit !== 't2')),
      /^units\.t2: has no site; declare where its staff work in sites: \{ .*unit: "t2"/,
    ],
    [
      'unknown site field',
      (t) => (t.sites[0].city = 'Nanjing'),
      /^sites\.nanjing\.city: "Nanjing" is not a known field; use one of id, name, country, latitude, longitude, unit, population, staff, latencyBudgetMs/,
    ],
    [
      'no choice for a population without an access point',
      (t) => delete t.access.hostnames.jp.withoutAccessPoint,
      /^access\.hostnames\.jp\.withoutAccessPoint: is required: jp is served by unit t2 outside mainland China, and no access point is on the side of its users in mainland China \(the default line\); declare withoutAccessPoint: "direct"/,
    ],
    [
      '"unserved", which DNS cannot do',
      (t) => (t.access.hostnames.jp.withoutAccessPoint = 'unserved'),
      /^access\.hostnames\.jp\.withoutAccessPoint: "unserved" is not possible: Alibaba Cloud DNS needs a default-line record and answers every line without a record of its own from it/,
    ],
    [
      'a crossing without a legal basis',
      (t) => delete t.access.hostnames.oa.crossBorderUse,
      /^access\.hostnames\.oa\.crossBorderUse: is required: personal requests to oa\.fixture\.example\.net cross a border: site osaka \(JP\) is decrypted in SG \(ap-southeast-1\) and served in CN \(cn-shanghai\); declare the legal basis/,
    ],
    [
      'unknown hostname field',
      (t) => (t.access.hostnames.oa.via = 'sin'),
      /^access\.hostnames\.oa\.via: "sin" is not a known field; use one of unit, withoutAccessPoint, crossBorderUse/,
    ],
  ];

  it.each(cases)('%s', (_name, mutate, expected) => {
    const t: Mutable = fixtureTopology(['t1', 't2']);
    mutate(t);
    expect(topologyProblems(t)).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it("says that a site in the serving unit's own population cannot be helped by an access point", () => {
    const t = fixtureTopology(['t1', 't2'], (x) => (x.sites[0].latencyBudgetMs = { oa: 5 }));
    expect(topologyProblems(t)).toEqual([
      expect.stringMatching(
        /^sites\.nanjing\.latencyBudgetMs\.oa: 5 is exceeded by oa\.fixture\.example\.net from site nanjing: estimated \d+ ms straight to the ALB of unit t1 \(physical floor \d+ ms\); users at nanjing are in unit t1's own DNS population \(default\) and go straight to its ALB, which no access point changes/,
      ),
    ]);
  });

  it('names the nearest GA region without an id and the nearest with one, and says when even that is too slow', () => {
    const t = fixtureTopology(['t1', 't2'], (x) =>
      x.sites.push({
        id: 'hcmc',
        name: 'HCMC office',
        country: 'VN',
        latitude: 10.82,
        longitude: 106.63,
        unit: 't1',
        population: 'oversea',
        latencyBudgetMs: { oa: 60 },
      }),
    );
    expect(topologyProblems(t)).toEqual([
      expect.stringMatching(
        /^sites\.hcmc\.latencyBudgetMs\.oa: 60 is exceeded .* the nearest GA acceleration region, Vietnam \(Ho Chi Minh City\), has no published region id \(lib\/topology\/ga-regions\.ts\); the nearest with one is ap-southeast-7 \(Thailand \(Bangkok\)\), estimated \d+ ms \(still above the budget: raise it too\): declare an access point there, e\.g\. access\.accessPoints\.bangkok = /,
      ),
    ]);
  });

  it('says when the nearest GA region is already the access point the site enters at', () => {
    const t = fixtureTopology(['t1', 't2'], (x) =>
      x.sites.push({
        id: 'sgp',
        name: 'Singapore office',
        country: 'SG',
        latitude: 1.3,
        longitude: 103.85,
        unit: 't1',
        population: 'oversea',
        latencyBudgetMs: 30,
      }),
    );
    expect(topologyProblems(t)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^sites\.sgp\.latencyBudgetMs: 30 is exceeded by oa\.fixture\.example\.net .*; the GA acceleration region nearest the site is ap-southeast-1 \(Singapore\), already access point sin: nothing nearer can carry the site's users; raise the budget$/,
        ),
      ]),
    );
  });
});

describe('a unit for the Philippines with a Manila site whose budget for oa. is 50 ms', () => {
  /** The fixture with unit ph in ap-southeast-6 and its scaffolded site, given the budget; `change` edits it further. */
  const withManila = (change: (t: Mutable) => void = () => undefined) =>
    fixtureTopology(['t1', 't2'], (t) => {
      const ph = deriveUnit({ id: 'ph', country: 'PH', region: 'ap-southeast-6', cidr: '10.16.0.0/16' }, t);
      if (Array.isArray(ph)) throw new Error(ph.join('\n'));
      t.units.push(ph);
      t.sites.push({ ...deriveSite(ph), latencyBudgetMs: { oa: 50 } });
      change(t);
    });

  it('fails while Singapore is the only access point, naming site, hostname, estimate and budget, and suggests Manila', () => {
    expect(topologyProblems(withManila())).toEqual([
      expect.stringMatching(
        /^sites\.ph\.latencyBudgetMs\.oa: 50 is exceeded by oa\.fixture\.example\.net from site ph: estimated 1\d\d ms via access point sin \(ap-southeast-1\) \(physical floor \d+ ms\); the GA acceleration region nearest the site is ap-southeast-6 \(Philippines \(Manila\)\), estimated [1-4]\d ms: declare an access point there, e.g. access\.accessPoints\.manila = \{ region: "ap-southeast-6", bandwidthMbps: 10 \} \(the id ap-southeast-6 is UNCONFIRMED/,
      ),
    ]);
  });

  it('passes once that access point is declared, and the site enters there', () => {
    const t = withManila((x) => (x.access.accessPoints.manila = { region: 'ap-southeast-6', bandwidthMbps: 10 }));
    expect(topologyProblems(t)).toEqual([]);
    const r = route(modelOf(t), 'ph', 'oa');
    expect(r.entry).toMatchObject({ kind: 'access-point', name: 'manila' });
    expect(r.path.estimateMs).toBeLessThanOrEqual(50);
  });
});

describe('the Philippines end to end: npm run new-unit on a scratch copy of the shipped declaration, then editing it', () => {
  const root = tempDir('manila-');
  const stacksDir = path.join(root, 'stacks');
  fs.mkdirSync(stacksDir);
  for (const dir of fs.readdirSync(path.join(__dirname, '..', 'stacks')).filter((d) => /^unit-[a-z0-9]+$/.test(d))) {
    fs.mkdirSync(path.join(stacksDir, dir));
    fs.copyFileSync(path.join(__dirname, '..', 'stacks', dir, 'unit.ts'), path.join(stacksDir, dir, 'unit.ts'));
  }
  const shared: Mutable = JSON.parse(JSON.stringify(declaredShared));
  let stdout = '';
  const status = newUnit(['--id', 'ph', '--country', 'PH', '--region', 'ap-southeast-6', '--cidr', '10.3.0.0/16'], {
    stacksDir,
    topologyDoc: path.join(root, 'docs', 'topology.md'),
    shared,
    stdout: (s) => (stdout += s),
    stderr: (s) => (stdout += s),
  });
  const file = path.join(stacksDir, 'unit-ph', 'unit.ts');

  it('scaffolds unit ph with a site at Manila that validates', () => {
    expect(status).toBe(0);
    expect(stdout).toMatch(/with site ph, a placeholder at 14\.6, 120\.98/);
    expect(topologyProblems(loadTopology(stacksDir, shared))).toEqual([]);
  });

  it('fails with the budget added to the site, suggesting Manila; passes with the access point, on its country line', () => {
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace("population: 'oversea',", "population: 'oversea',\n    latencyBudgetMs: { oa: 50 },"));
    jest.resetModules();
    const problems = topologyProblems(loadTopology(stacksDir, shared));
    expect(problems).toEqual([
      expect.stringMatching(/^sites\.ph\.latencyBudgetMs\.oa: 50 is exceeded by oa\.collab\.example\.com .* ap-southeast-6 \(Philippines \(Manila\)\)/),
    ]);
    let out = '';
    let err = '';
    expect(
      paths(
        loadTopology(stacksDir, shared),
        (s) => (out += s),
        (s) => (err += s),
      ),
    ).toBe(1);
    expect(out).toContain('| oa.collab.example.com | `oversea`: access point sg');
    expect(err).toContain('1 latency budget is exceeded');

    shared.access.accessPoints.manila = { region: 'ap-southeast-6', bandwidthMbps: 10 };
    const fixed = loadTopology(stacksDir, shared);
    expect(topologyProblems(fixed)).toEqual([]);
    // The factory still enters at Singapore on the oversea line; Philippine resolvers get their own line.
    const m = modelOf(fixed);
    expect(route(m, 'hcmc', 'oa')).toMatchObject({ line: 'oversea', entry: { name: 'sg' } });
    expect(route(m, 'ph', 'oa')).toMatchObject({ line: 'os_asia_ph', entry: { name: 'manila' } });
  });
});

describe('npm run paths', () => {
  it('refuses a declaration with any other problem, as synth does', () => {
    const t = fixtureTopology(['t1', 't2'], (x) => (x.sites[0].latitude = 100));
    expect(() =>
      paths(
        t,
        () => undefined,
        () => undefined,
      ),
    ).toThrow(TopologyError);
  });

  it('prints the report of a valid declaration and exits 0', () => {
    let out = '';
    expect(
      paths(
        fixtureTopology(['t1']),
        (s) => (out += s),
        () => undefined,
      ),
    ).toBe(0);
    expect(out).toBe(renderPathReport(modelOf(fixtureTopology(['t1']))));
  });

  it('keeps fixture stacks loadable with their sites', () => {
    const dir = writeFixtureStacks(path.join(tempDir('paths-'), 'stacks'), ['t1']);
    expect(loadTopology(dir, fixtureShared(['t1'])).sites.map((s) => s.id)).toEqual(['nanjing']);
  });
});
