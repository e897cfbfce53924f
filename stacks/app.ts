/**
 * Builds the cdktf app from a topology declaration: one stack per unit, the link stack and the accel stack, and on
 * request the bootstrap stack of every region that holds state. The declaration is validated first; nothing is
 * constructed from a declaration with problems.
 */
import { App } from 'cdktf';
import { effectiveStateBackend, stateLocation } from '../lib/backend/state-location';
import { validateTopology } from '../lib/topology/validate';
import type { RegionId } from '../lib/topology/regions';
import type { StateBackendKind, TopologyDeclaration } from '../lib/topology/types';
import type { UnitOutputs } from '../lib/unit/outputs';
import { AccelStack } from './accel/stack';
import { BootstrapStack } from './bootstrap/stack';
import { LinkStack } from './link/stack';
import { UnitStack } from './unit-stack';

export interface BuildAppOptions {
  /** Where `app.synth()` writes. @default - `CDKTF_OUTDIR` as the cdktf CLI sets it (`--output`), else 'cdktf.out' */
  readonly outdir?: string;
  /**
   * Backend kind for this run, whatever `stateBackend` declares (the entry point takes it from `STATE_BACKEND`).
   * @default - the declared `stateBackend`
   */
  readonly stateBackend?: StateBackendKind;
  /**
   * Also build `bootstrap-<region>` for every region that holds state. Off by default so that
   * `cdktf deploy '*'` never touches the stores every other stack's state lives in.
   * @default false
   */
  readonly bootstrap?: boolean;
}

export interface BuiltApp {
  readonly app: App;
  /** The declaration the stacks were built from: the given one with this run's state backend. */
  readonly topology: TopologyDeclaration;
  readonly units: Readonly<Record<string, UnitStack>>;
  readonly link: LinkStack;
  readonly accel: AccelStack;
  /** Bootstrap stacks by region; empty unless `bootstrap` was asked for. */
  readonly bootstrap: Readonly<Record<string, BootstrapStack>>;
}

export function buildApp(declared: TopologyDeclaration, options: BuildAppOptions = {}): BuiltApp {
  validateTopology(declared);
  const backend = effectiveStateBackend(declared.stateBackend, options.stateBackend);
  const topology: TopologyDeclaration = backend === declared.stateBackend ? declared : { ...declared, stateBackend: backend };
  // Store names must fit the provider's limits whenever they are synthesized: in oss backends or bootstrap stacks.
  if (topology !== declared || (options.bootstrap && backend.kind !== 'oss')) {
    validateTopology(backend.kind === 'oss' ? topology : { ...topology, stateBackend: { kind: 'oss' } });
  }
  return buildStacks(topology, options);
}

/**
 * Builds the stacks of a topology that is already validated and carries this run's state backend; `buildApp`
 * does both first. Exported for the benchmark, whose 32-unit topology needs more regions than Alibaba Cloud has
 * (it reuses regions, which validation rightly refuses).
 */
export function buildStacks(topology: TopologyDeclaration, options: Pick<BuildAppOptions, 'outdir' | 'bootstrap'> = {}): BuiltApp {
  // skipValidation: cdktf's own validation only checks provider-version constraints we pin ourselves.
  const app = new App({ outdir: options.outdir, skipValidation: true });
  const hub = topology.units.find((u) => u.id === topology.hub)!;

  const units: Record<string, UnitStack> = {};
  const outputs: Record<string, UnitOutputs> = {};
  for (const unit of topology.units) {
    const stack = new UnitStack(app, { topology, unit });
    // A unit's state holds its configuration and secrets: it stays in the unit's own region.
    stack.useState(stateLocation(topology, stack.stackName, unit.region));
    units[unit.id] = stack;
    outputs[unit.id] = stack.outputs;
  }
  const link = new LinkStack(app, { topology, units: outputs });
  link.useState(stateLocation(topology, link.stackName, hub.region));
  const accel = new AccelStack(app, { topology, units: outputs });
  accel.useState(stateLocation(topology, accel.stackName, hub.region));

  // Deploy order units → link → accel. Cross-stack references add some of these edges; declaring all of them keeps
  // the order when a stack stops reading another's outputs.
  for (const unit of Object.values(units)) link.addDependency(unit);
  accel.addDependency(link);

  const bootstrap: Record<string, BootstrapStack> = {};
  if (options.bootstrap) {
    for (const region of [...new Set(topology.units.map((u) => u.region))].sort() as RegionId[]) {
      bootstrap[region] = new BootstrapStack(app, { topology, region });
    }
  }
  return { app, topology, units, link, accel, bootstrap };
}
