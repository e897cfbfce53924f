/**
 * Where each stack's Terraform state lives, derived from the declaration's `stateBackend`. Pure functions: the
 * stacks ask here, and the entry point alone turns an environment variable into a one-run choice of kind.
 *
 * Layout with `oss`: one store (bucket + Tablestore lock table) per unit region. A unit stack keeps its state in
 * its own region's store, the link and accel stacks in the hub's; inside a bucket each stack has its own prefix:
 *   <org>-tfstate-<region>/<stack>/terraform.tfstate
 */
import { stateStoreNames } from './naming';
import type { StateBackendDeclaration, StateBackendKind, TopologyDeclaration } from './types';
import { STATE_BACKEND_KINDS } from './types';

/** What Terraform's `oss` backend block takes (the fields cdktf's OssBackendConfig names alike). */
export interface OssStateConfig {
  readonly bucket: string;
  readonly region: string;
  readonly prefix: string;
  readonly key: string;
  readonly acl: string;
  readonly tablestoreEndpoint: string;
  readonly tablestoreTable: string;
}

/** A stack's state: a local file, or an object in an OSS bucket locked through Tablestore. */
export type StateLocation = { readonly kind: 'local'; readonly path: string } | { readonly kind: 'oss'; readonly config: OssStateConfig };

/** The names of one region's state store, overrides applied. */
export interface StateStore {
  readonly region: string;
  readonly bucket: string;
  readonly lockInstance: string;
  readonly lockTable: string;
  /** The KMS key that encrypts the bucket (bootstrap only; the backend relies on the bucket's default encryption). */
  readonly kmsKeyName: string;
}

/** Object key of every stack's state inside its prefix. */
export const STATE_KEY = 'terraform.tfstate';

/**
 * Local state lives in the project root, next to cdktf.json. Terraform runs in cdktf.out/stacks/<stack>/,
 * three levels down; a relative path keeps the checkout's absolute path out of the synthesized JSON, and the
 * same path is what consumers' remote-state data sources read.
 */
export function localStatePath(stackName: string): string {
  return `../../../terraform.${stackName}.tfstate`;
}

/** The store of `region`: derived names, each replaced by the declaration's override when one is given. */
export function stateStore(t: TopologyDeclaration, region: string): StateStore {
  const derived = stateStoreNames(t.org.prefix, region);
  const own = t.stateBackend?.kind === 'oss' ? t.stateBackend.regions?.[region] : undefined;
  return {
    region,
    bucket: own?.bucket ?? derived.bucket.name,
    lockInstance: own?.lockInstance ?? derived.lockInstance.name,
    lockTable: own?.lockTable ?? derived.lockTable.name,
    kmsKeyName: derived.kmsKey.name,
  };
}

/** Public Tablestore endpoint of an instance: engineers and CI lock from outside the VPCs. */
export function tablestoreEndpoint(instance: string, region: string): string {
  return `https://${instance}.${region}.ots.aliyuncs.com`;
}

/** The state of stack `stackName`, kept in `region` when the backend is remote. */
export function stateLocation(t: TopologyDeclaration, stackName: string, region: string): StateLocation {
  if (t.stateBackend?.kind !== 'oss') return { kind: 'local', path: localStatePath(stackName) };
  const store = stateStore(t, region);
  return {
    kind: 'oss',
    config: {
      bucket: store.bucket,
      region,
      prefix: stackName,
      key: STATE_KEY,
      // No `encrypt`: it would ask OSS for AES256 and override the bucket's default KMS encryption.
      acl: 'private',
      tablestoreEndpoint: tablestoreEndpoint(store.lockInstance, region),
      tablestoreTable: store.lockTable,
    },
  };
}

/**
 * The backend for this run: the declared one, or `{ kind: override }` when a one-run choice differs from the
 * declared kind (a declared `oss` keeps its overrides when `oss` is chosen again).
 */
export function effectiveStateBackend(declared: StateBackendDeclaration | undefined, override?: StateBackendKind): StateBackendDeclaration {
  const current = declared ?? { kind: 'local' };
  if (override === undefined || override === current.kind) return current;
  return { kind: override };
}

/**
 * Parses the one-run choice of backend kind (the entry point passes `STATE_BACKEND` here). Unset or empty means
 * "as declared".
 */
export function stateBackendKindFrom(value: string | undefined, source = 'STATE_BACKEND'): StateBackendKind | undefined {
  if (value === undefined || value === '') return undefined;
  if (!(STATE_BACKEND_KINDS as readonly string[]).includes(value)) {
    throw new Error(
      `${source}: ${JSON.stringify(value)} is not allowed; use ${STATE_BACKEND_KINDS.join(' or ')}, or leave it unset to use stateBackend of stacks/topology.ts`,
    );
  }
  return value as StateBackendKind;
}

/** Parses a yes/no switch from the environment (`1`/`true` or `0`/`false`; unset or empty is no). */
export function switchFrom(value: string | undefined, source: string): boolean {
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new Error(`${source}: ${JSON.stringify(value)} is not allowed; use 1 to switch it on, or leave it unset`);
}
