import { loadTopology } from '../stacks/topology';
import { synthTopology } from './helpers/synth';

describe('deterministic output', () => {
  const a = synthTopology(loadTopology());
  const b = synthTopology(loadTopology());

  it('two synths into different directories give identical bytes', () => {
    expect(a.outdir).not.toBe(b.outdir);
    expect(Object.keys(a.raw)).toEqual(Object.keys(b.raw));
    for (const name of Object.keys(a.raw)) expect(b.raw[name]).toBe(a.raw[name]);
  });

  it.each(Object.keys(a.raw))('stack %s holds no absolute path, temp dir or timestamp', (name) => {
    const text = a.raw[name];
    expect(text).not.toContain(process.cwd());
    expect(text).not.toContain(a.outdir);
    expect(text).not.toMatch(/"\/(home|root|tmp|Users|work|var)\//);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it.each(Object.keys(a.raw))('stack %s keeps local state in the project root, by a relative path', (name) => {
    expect(a.stacks[name].terraform.backend).toEqual({ local: { path: `../../../terraform.${name}.tfstate` } });
  });
});
