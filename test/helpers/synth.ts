/** Synthesizes a whole app into a temporary directory and reads each stack back as parsed JSON. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { type PolicyOutcome, synthWithPolicy } from '../../lib/policy/enforce';
import { buildApp, type BuildAppOptions, type BuiltApp } from '../../stacks/app';
import type { TopologyModel } from '../../lib/topology/model';
import { resolveTopology } from '../../lib/topology/resolve';
import type { TopologyDeclaration } from '../../lib/topology/types';
import { validateTopology } from '../../lib/topology/validate';

export type StackJson = Record<string, any>;

export interface Synthesized {
  readonly outdir: string;
  readonly stacks: Record<string, StackJson>;
  /** The raw bytes of each stack's cdk.tf.json. */
  readonly raw: Record<string, string>;
  /** The app and the model it was built from. */
  readonly built: BuiltApp;
  /** The policy pack's outcome, when asked for (`policy: true`): the same synth, checked as main.ts checks it. */
  readonly policy?: PolicyOutcome;
}

export interface SynthOptions extends Omit<BuildAppOptions, 'outdir'> {
  /** Synthesize through the policy pack, as main.ts does, and return its outcome. @default false */
  readonly policy?: boolean;
}

/** The model of a declaration, validated first (a fixture with a problem fails loudly here). */
export function modelOf(topology: TopologyDeclaration): TopologyModel {
  return resolveTopology(validateTopology(topology));
}

// Every synthesis goes to a temporary folder of its own; they are removed when the test process ends.
const outdirs: string[] = [];
process.on('exit', () => {
  for (const dir of outdirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder, removed when the test process ends. */
export function tempDir(prefix = 'cdktf-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  outdirs.push(dir);
  return dir;
}

export function synthTopology(topology: TopologyDeclaration, options: SynthOptions = {}): Synthesized {
  const { policy, ...buildOptions } = options;
  const outdir = tempDir();
  const built = buildApp(topology, { ...buildOptions, outdir });
  let outcome: PolicyOutcome | undefined;
  if (policy) outcome = synthWithPolicy(built.app, built.model);
  else built.app.synth();
  const stacks: Record<string, StackJson> = {};
  const raw: Record<string, string> = {};
  for (const name of fs.readdirSync(path.join(outdir, 'stacks')).sort()) {
    raw[name] = fs.readFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8');
    stacks[name] = JSON.parse(raw[name]);
  }
  return { outdir, stacks, raw, built, ...(outcome ? { policy: outcome } : {}) };
}

/** All resources of one type in a stack, keyed by name. */
export function resourcesOf(stack: StackJson, type: string): Record<string, any> {
  return stack.resource?.[type] ?? {};
}

/** A deep copy that a test may change freely. */
export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v));
}
