/**
 * Builds the cdktf app from a topology declaration: one stack per unit, the link stack and the accel stack.
 * The declaration is validated first; nothing is constructed from a declaration with problems.
 */
import { App } from 'cdktf';
import { validateTopology } from '../lib/topology/validate';
import type { TopologyDeclaration } from '../lib/topology/types';
import type { UnitOutputs } from '../lib/unit/outputs';
import { AccelStack } from './accel/stack';
import { LinkStack } from './link/stack';
import { UnitStack } from './unit-stack';

export interface BuildAppOptions {
  /** Where `app.synth()` writes. @default 'cdktf.out' */
  readonly outdir?: string;
}

export interface BuiltApp {
  readonly app: App;
  readonly units: Readonly<Record<string, UnitStack>>;
  readonly link: LinkStack;
  readonly accel: AccelStack;
}

export function buildApp(topology: TopologyDeclaration, options: BuildAppOptions = {}): BuiltApp {
  validateTopology(topology);
  // skipValidation: cdktf's own validation only checks provider-version constraints we pin ourselves.
  const app = new App({ outdir: options.outdir ?? 'cdktf.out', skipValidation: true });
  const units: Record<string, UnitStack> = {};
  const outputs: Record<string, UnitOutputs> = {};
  for (const unit of topology.units) {
    units[unit.id] = new UnitStack(app, { topology, unit });
    outputs[unit.id] = units[unit.id].outputs;
  }
  const link = new LinkStack(app, { topology, units: outputs });
  const accel = new AccelStack(app, { topology, units: outputs });
  return { app, units, link, accel };
}
