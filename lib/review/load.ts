/** Reads a synth output directory (`cdktf.out`) into parsed stacks for the review. */
import * as fs from 'fs';
import * as path from 'path';
import type { SynthOutput } from './diff';

/**
 * Every `stacks/<stack>/cdk.tf.json` below `outdir`. A directory without `stacks/` is an error (a wrong path
 * would otherwise review as "everything removed").
 */
export function readSynthOutput(outdir: string): SynthOutput {
  const stacksDir = path.join(outdir, 'stacks');
  if (!fs.existsSync(stacksDir)) throw new Error(`${outdir}: no stacks/ folder; pass a cdktf synth output directory (e.g. cdktf.out)`);
  const out: Record<string, Record<string, unknown>> = {};
  for (const stack of fs.readdirSync(stacksDir).sort()) {
    const file = path.join(stacksDir, stack, 'cdk.tf.json');
    if (fs.existsSync(file)) out[stack] = JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  return out;
}
