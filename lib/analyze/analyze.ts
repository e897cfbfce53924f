/**
 * The reachability and residency analysis (docs/data-flows.md): reads the synthesized `cdk.tf.json` of every stack
 * (never the constructs) and the model for what was declared (the flows, the units, the data-flow register), builds
 * the network graph and checks that the output admits the declared paths and nothing else:
 *   (a) flows        every declared flow admitted end to end;
 *   (b) isolation    nothing else crosses units;
 *   (c) residency    personal data lands only in its unit's region, or where the register lists it with a basis;
 *   (d) secrets      no remote state, accounts and passwords in their unit, no secret outputs, every cross-stack read listed;
 *   (e) register     every register entry names resources the output has.
 * `npm run analyze` prints the full report; `npm run synth` runs it after the policy pack (main.ts) and fails on an
 * error. Pure: `analyze(output, model)` returns data; only `analyzeOutdir` touches the disk.
 */
import type { TopologyModel } from '../topology/model';
import type { SynthOutput } from '../review/diff';
import { readSynthOutput } from '../review/load';
import { dataFlowRegister, type DataFlowRegister } from '../register/register';
import { buildNetwork, checkFlows, checkIsolation } from './network';
import { OutputIndex } from './output';
import { type Analysis, CHECK_IDS } from './report';
import { checkResidency } from './residency';
import { checkRegister, checkSecrets } from './secrets';

export function analyze(output: SynthOutput, model: TopologyModel, register: DataFlowRegister = dataFlowRegister(model)): Analysis {
  const ix = new OutputIndex(output);
  const graph = buildNetwork(ix, model);
  const collectors = [
    checkFlows(graph, model),
    checkIsolation(graph, model, ix),
    checkResidency({ ix, model, register }),
    checkSecrets(ix, model, register),
    checkRegister(ix, register),
  ];
  const order = (id: string) => CHECK_IDS.indexOf(id as (typeof CHECK_IDS)[number]);
  const findings = collectors
    .flatMap((c) => c.findings)
    .sort(
      (a, b) =>
        order(a.check) - order(b.check) ||
        (a.severity < b.severity ? -1 : a.severity > b.severity ? 1 : 0) ||
        (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
    );
  return { stacks: ix.stacks, proofs: collectors.flatMap((c) => c.proofs), findings };
}

/** The analysis of a synth output directory (`cdktf.out`). */
export function analyzeOutdir(outdir: string, model: TopologyModel): Analysis {
  return analyze(readSynthOutput(outdir), model);
}
