/**
 * Validation of `stateBackend`: the kind, the per-region overrides of the oss backend's store, and every store
 * name that would be synthesized (derived or overridden) against the provider's limits. A unit's state must stay
 * in its own region, so a bucket that serves two regions, or that names another region, is rejected.
 */
import { stateStore } from './state';
import { checkName, type NameKind, stateStoreNames } from './naming';
import { isRegionId, REGION_IDS } from './regions';
import type { StateStoreOverrides, TopologyDeclaration } from './types';
import { checkKeys, type Problems } from './checks';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const OVERRIDE_KEYS = ['bucket', 'lockInstance', 'lockTable'] as const satisfies readonly (keyof StateStoreOverrides)[];

const WHAT: Readonly<Record<(typeof OVERRIDE_KEYS)[number], string>> = {
  bucket: "the OSS bucket that holds this region's state",
  lockInstance: 'the Tablestore instance of the lock table',
  lockTable: 'the Tablestore table the backend locks with (primary key LockID, String)',
};

/** Regions that hold state: every declared unit's (the hub's also holds link and accel). */
function stateRegions(t: TopologyDeclaration): string[] {
  const units: unknown[] = Array.isArray(t.units) ? [...t.units] : [];
  const regions = units.map((u) => (isObj(u) ? u.region : undefined)).filter(isRegionId);
  return [...new Set(regions)];
}

/** Another known region whose id appears in `name` as a whole hyphen-separated part. */
function namedRegion(name: string, own: string): string | undefined {
  return REGION_IDS.find((r) => r !== own && new RegExp(`(^|-)${r}(-|$)`).test(name));
}

export function validateStateBackend(p: Problems, t: TopologyDeclaration): void {
  const b = t.stateBackend;
  if (b === undefined) return;
  if (!isObj(b) || (b.kind !== 'local' && b.kind !== 'oss')) {
    p.add('stateBackend.kind', isObj(b) ? (b as Obj).kind : b, 'is not allowed', 'use { kind: "local" } or { kind: "oss" }');
    return;
  }
  if (b.kind === 'local') {
    checkKeys(p, 'stateBackend', b, ['kind']);
    return;
  }
  if (!checkKeys(p, 'stateBackend', b, ['kind', 'regions'])) return;

  const held = stateRegions(t);
  const overrides: Obj = b.regions === undefined ? {} : (b.regions as unknown as Obj);
  if (b.regions !== undefined && !isObj(b.regions)) {
    p.add('stateBackend.regions', b.regions, 'is not an object', 'key the overrides by region id, e.g. { "ap-southeast-1": { bucket: "..." } }');
    return;
  }
  let overridesUsable = true;
  for (const [region, o] of Object.entries(overrides)) {
    const path = `stateBackend.regions["${region}"]`;
    if (!isRegionId(region)) {
      p.add(
        path,
        o,
        `is keyed by ${JSON.stringify(region)}, which is not a known Alibaba Cloud region id`,
        `key it by the region of a unit: ${held.join(', ')}`,
      );
      overridesUsable = false;
      continue;
    }
    if (!held.includes(region)) {
      p.add(
        path,
        o,
        `overrides the state store of ${region}, where no unit keeps state`,
        `state lives in the unit regions (${held.join(', ')}): move the overrides to one of them or remove them`,
      );
    }
    if (!checkKeys(p, path, o, OVERRIDE_KEYS)) {
      overridesUsable = false;
      continue;
    }
    const own = o as Obj;
    for (const key of OVERRIDE_KEYS) {
      const v = own[key];
      if (!(key in own)) continue;
      if (typeof v !== 'string' || v.trim() === '') {
        const derived = stateStoreNames(t.org?.prefix ?? '', region)[key].name;
        const problem =
          typeof v !== 'string'
            ? 'is not a string'
            : key === 'lockTable'
              ? 'is empty, and without a lock table two runs can write one state at once'
              : 'is empty';
        p.add(`${path}.${key}`, v, problem, `name ${WHAT[key]}, or leave ${key} out to use the derived "${derived}"`);
        overridesUsable = false;
      }
    }
    if (typeof own.lockInstance === 'string' && !('lockTable' in own)) {
      p.add(
        `${path}.lockTable`,
        undefined,
        `is missing while lockInstance "${own.lockInstance}" is declared`,
        `name the lock table in that instance (primary key LockID, String); bootstrap creates the default table only in the derived instance`,
      );
    }
  }
  if (!overridesUsable || typeof t.org?.prefix !== 'string') return;

  // Every store name that would be synthesized, derived or overridden, against the provider's limits.
  const bucketOwner = new Map<string, string>();
  for (const region of held) {
    const store = stateStore(t, region);
    const own = isObj(overrides[region]) ? (overrides[region] as Obj) : {};
    const kinds: Record<(typeof OVERRIDE_KEYS)[number], NameKind> = { bucket: 'ossBucket', lockInstance: 'otsInstance', lockTable: 'otsTable' };
    for (const key of OVERRIDE_KEYS) {
      const name = store[key];
      const problem = checkName(kinds[key], name);
      if (!problem) continue;
      const fix =
        key in own
          ? `choose another ${key}`
          : `the derived ${key} is too long or malformed; shorten org.prefix or set stateBackend.regions["${region}"].${key}`;
      p.add(`stateBackend.regions["${region}"].${key}`, name, problem, fix);
    }
    const path = `stateBackend.regions["${region}"].bucket`;
    const other = namedRegion(store.bucket, region);
    if ('bucket' in own && other) {
      p.add(
        path,
        store.bucket,
        `names region ${other} but would hold the state of the unit in ${region}`,
        `a unit's state stays in its own region: use a bucket created in ${region} (for example "${stateStoreNames(t.org.prefix, region).bucket.name}")`,
      );
    }
    const owner = bucketOwner.get(store.bucket);
    if (owner !== undefined) {
      p.add(
        path,
        store.bucket,
        `is also the state bucket of ${owner}`,
        `a bucket lives in one region, so one of the two units' state would leave its region: give each region its own bucket`,
      );
    } else bucketOwner.set(store.bucket, region);
  }
}
