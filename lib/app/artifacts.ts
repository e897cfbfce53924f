/**
 * The files `npm run synth` (and `cdktf synth`) writes next to the stacks, for the people who act on them: the org
 * schema DDL of each unit (cdktf.out/sql/), the path report (cdktf.out/paths.md) and the data-flow register
 * (cdktf.out/data-flows.{json,md}). Each writer is a pure function of the model; this module only puts their output on disk, deterministically (sorted file names, LF line ends).
 */
import * as fs from 'fs';
import * as path from 'path';
import { orgSchemaFiles } from '../ddl/org-schema';
import { renderPathReport } from '../paths/report';
import { dataFlowRegister } from '../register/register';
import { registerJson, registerMarkdown } from '../register/render';
import type { TopologyModel } from '../topology/model';

/** Writes every artifact of `model` below `outdir`; returns the paths written, relative to `outdir`. */
export function writeArtifacts(outdir: string, model: TopologyModel): string[] {
  const written: string[] = [];
  const put = (relative: string, content: string) => {
    const file = path.join(outdir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    written.push(relative);
  };
  for (const [name, sql] of Object.entries(orgSchemaFiles(model)).sort(([a], [b]) => (a < b ? -1 : 1))) put(path.join('sql', name), sql);
  put('paths.md', renderPathReport(model));
  const register = dataFlowRegister(model);
  put('data-flows.json', registerJson(register));
  put('data-flows.md', registerMarkdown(register));
  return written;
}
