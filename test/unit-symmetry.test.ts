/**
 * A hub and a spoke come from the same code: in the fixture's two-unit topology, rewriting every value of the
 * spoke t2's declaration into the hub t1's (and back) in unit-t2's output must give exactly unit-t1's output.
 * A difference left over is a region or unit literal, or a code path taken by one unit only. (With two units
 * each database admits the other's link ranges, so the pair is symmetric; a third unit would make the hub admit
 * two spokes.)
 */
import { unitCertificateId } from '../lib/topology/certificates';
import type { UnitDeclaration } from '../lib/topology/types';
import { STORAGE_UPPER_BOUND_FACTOR } from '../lib/topology/resolve';
import { synthTopology } from './helpers/synth';
import { fixtureTopology } from './fixtures/topology';

const topology = fixtureTopology(['t1', 't2']);
const synth = synthTopology(topology);
const hub = topology.units.find((u) => u.id === 't1')!;
const spoke = topology.units.find((u) => u.id === 't2')!;

/** Every leaf of a declaration by path, so the two units' values pair up field by field. */
function leaves(v: unknown, path = '', out = new Map<string, string | number>()): Map<string, string | number> {
  if (typeof v === 'string' || typeof v === 'number') out.set(path, v);
  else if (Array.isArray(v)) v.forEach((x, i) => leaves(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) leaves(x, `${path}.${k}`, out);
  return out;
}

/** The declared (and declaration-derived) values of the spoke and the hub, paired. Keys of subnets are zones: pair them by position. */
function pairs(a: UnitDeclaration, b: UnitDeclaration): { strings: Map<string, string>; numbers: Map<number, number> } {
  const norm = (u: UnitDeclaration) => ({
    ...u,
    link: undefined,
    network: {
      vpcCidr: u.network.vpcCidr,
      subnets: Object.fromEntries(Object.entries(u.network.subnets).map(([t, byZone]) => [t, u.zones.map((z) => byZone[z])])),
    },
    certificate: unitCertificateId(topology, u),
    // The certificate lookup takes the id's number (lib/core/certificates.ts).
    certificateNumber: unitCertificateId(topology, u)?.split('-')[0],
    // The declaration field the certificate comes from (the unit's site), named in the check's messages.
    certificateField: synth.built.model.unitsById[u.id].fields.certificate,
    storageUpperBound: u.sizing.database.storageGb * STORAGE_UPPER_BOUND_FACTOR,
  });
  const la = leaves(norm(a));
  const lb = leaves(norm(b));
  const strings = new Map<string, string>();
  const numbers = new Map<number, number>();
  for (const [path, va] of la) {
    const vb = lb.get(path);
    if (vb === undefined || va === vb) continue;
    if (typeof va === 'string' && typeof vb === 'string') {
      strings.set(va, vb);
      strings.set(vb, va);
    } else if (typeof va === 'number' && typeof vb === 'number') {
      numbers.set(va, vb);
    }
  }
  return { strings, numbers };
}

const { strings, numbers } = pairs(spoke, hub);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// Longest first, so a zone like "cn-shanghai-e" is swapped whole before its region; a short id like "t1" only as a whole word.
const alternation = new RegExp(
  [...strings.keys()]
    .sort((x, y) => y.length - x.length)
    .map((s) => `(?<![A-Za-z0-9])${escape(s)}(?![A-Za-z0-9])`)
    .join('|'),
  'g',
);
const swap = (text: string) => text.replace(alternation, (m) => strings.get(m)!);
/** cdktf suffixes logical ids with a hash of the construct path, which holds zone names. */
const dropHashes = (text: string) => text.replace(/_[0-9A-F]{8}(?![0-9A-F])/g, '');

function diff(a: unknown, b: unknown, path: string, out: string[]): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a !== b && numbers.get(a) !== b) out.push(`${path}: ${a} vs ${b}`);
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
  } else if (typeof a === 'string' && typeof b === 'string') {
    // Declared numbers also appear inside strings (the plan-time checks' conditions and messages).
    const renumbered = a.replace(/(?<![\d.])\d+(?![\d.])/g, (n) => String(numbers.get(Number(n)) ?? n));
    if (a !== b && renumbered !== b) out.push(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  } else if (a !== b) {
    out.push(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
}

describe('unit-t1 (hub) and unit-t2 (spoke) differ only where their declarations differ', () => {
  it('the declarations do differ (region, zones, ranges, sizing)', () => {
    expect(strings.get(spoke.region)).toBe(hub.region);
    expect(strings.get(spoke.network.vpcCidr)).toBe(hub.network.vpcCidr);
    expect(numbers.size).toBeGreaterThan(0);
  });

  it('unit-t2 rewritten with t1 values is unit-t1', () => {
    const rewritten = JSON.parse(dropHashes(swap(synth.raw['unit-t2'])));
    const target = JSON.parse(dropHashes(synth.raw['unit-t1']));
    const problems: string[] = [];
    diff(rewritten, target, '', problems);
    expect(problems).toEqual([]);
  });

  it('catches a difference no declaration explains', () => {
    const rewritten = JSON.parse(dropHashes(swap(synth.raw['unit-t2'])));
    const target = JSON.parse(dropHashes(synth.raw['unit-t1']));
    const vpc = Object.values<Record<string, unknown>>(target.resource.alicloud_vpc)[0];
    vpc.description = 'edited';
    const problems: string[] = [];
    diff(rewritten, target, '', problems);
    expect(problems).toEqual([expect.stringMatching(/\.description: .* vs "edited"$/)]);
  });
});
