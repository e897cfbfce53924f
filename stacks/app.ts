/**
 * Builds the cdktf app from the model: one stack per unit, the link stack and the accel stack, and on request the
 * bootstrap stack of every region that holds state. `buildApp` validates and resolves a declaration first; nothing
 * is constructed from a declaration with problems.
 */
import { App } from 'cdktf';
import { addTags } from '../lib/core/tags';
import type { TopologyModel } from '../lib/topology/model';
import type { RegionId } from '../lib/topology/regions';
import { resolveTopology } from '../lib/topology/resolve';
import { effectiveStateBackend } from '../lib/topology/state';
import type { StateBackendKind, TopologyDeclaration } from '../lib/topology/types';
import { validateTopology } from '../lib/topology/validate';
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
  /** The model the stacks were built from (with this run's state backend). */
  readonly model: TopologyModel;
  readonly units: Readonly<Record<string, UnitStack>>;
  readonly link: LinkStack;
  readonly accel: AccelStack;
  /** Bootstrap stacks by region; empty unless `bootstrap` was asked for. */
  readonly bootstrap: Readonly<Record<string, BootstrapStack>>;
}

/** Validates `declared` (with this run's backend), resolves it and builds the app. */
export function buildApp(declared: TopologyDeclaration, options: BuildAppOptions = {}): BuiltApp {
  validateTopology(declared);
  const backend = effectiveStateBackend(declared.stateBackend, options.stateBackend);
  // Store names must fit the provider's limits whenever they are synthesized: in oss backends or bootstrap stacks.
  if (backend !== declared.stateBackend || (options.bootstrap && backend.kind !== 'oss')) {
    validateTopology({ ...declared, stateBackend: backend.kind === 'oss' ? backend : { kind: 'oss' } });
  }
  return buildStacks(resolveTopology(declared, { stateBackend: options.stateBackend }), options);
}

/**
 * Builds the stacks of a model. Exported for the benchmark, whose 32-unit topology needs more regions than Alibaba
 * Cloud has (it reuses regions, which validation rightly refuses).
 */
export function buildStacks(model: TopologyModel, options: Pick<BuildAppOptions, 'outdir' | 'bootstrap'> = {}): BuiltApp {
  // skipValidation: cdktf's own validation only checks provider-version constraints we pin ourselves.
  const app = new App({ outdir: options.outdir, skipValidation: true });
  // Declared tags go on every taggable resource of every stack (lib/core/tags.ts).
  addTags(app, model.tags);

  const units: Record<string, UnitStack> = {};
  for (const unit of model.units) units[unit.id] = new UnitStack(app, { model, unit });
  const link = new LinkStack(app, { model });
  const accel = new AccelStack(app, { model });

  // Deploy order units → link → accel. No stack references another's outputs (they read the units' OOS parameters),
  // so cdktf infers no order: it is declared here.
  for (const unit of Object.values(units)) link.addDependency(unit);
  accel.addDependency(link);

  const bootstrap: Record<string, BootstrapStack> = {};
  if (options.bootstrap) {
    for (const [region, store] of Object.entries(model.state.stores)) {
      bootstrap[region] = new BootstrapStack(app, { region: region as RegionId, store });
    }
  }
  return { app, model, units, link, accel, bootstrap };
}
