/** Synthesizes a whole app into a temporary directory and reads each stack back as parsed JSON. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildApp, type BuildAppOptions } from '../../stacks/app';
import type { TopologyDeclaration } from '../../lib/topology/types';

export type StackJson = Record<string, any>;

export interface Synthesized {
  readonly outdir: string;
  readonly stacks: Record<string, StackJson>;
  /** The raw bytes of each stack's cdk.tf.json. */
  readonly raw: Record<string, string>;
}

export function synthTopology(topology: TopologyDeclaration, options: Omit<BuildAppOptions, 'outdir'> = {}): Synthesized {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-test-'));
  buildApp(topology, { ...options, outdir }).app.synth();
  const stacks: Record<string, StackJson> = {};
  const raw: Record<string, string> = {};
  for (const name of fs.readdirSync(path.join(outdir, 'stacks')).sort()) {
    raw[name] = fs.readFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8');
    stacks[name] = JSON.parse(raw[name]);
  }
  return { outdir, stacks, raw };
}

/** All resources of one type in a stack, keyed by name. */
export function resourcesOf(stack: StackJson, type: string): Record<string, any> {
  return stack.resource?.[type] ?? {};
}

/** A deep copy that a test may change freely. */
export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v));
}
