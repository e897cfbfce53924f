/**
 * (d) State and secrets stay home, and (e) the register agrees with the output.
 *
 * (d), from the synthesized stacks:
 * - no `terraform_remote_state` anywhere: a remote-state read downloads the producer's whole state, secrets included;
 * - each stack's backend keeps its state where the model says (a unit's in its own region; link and accel in the
 *   hub's); a local backend is reported as a warning (the state is wherever Terraform runs);
 * - `random_password`, RDS accounts and grants exist only in unit stacks, on that unit's own RDS;
 * - no stack output is sensitive or carries a password, a generated secret or a secret parameter's value;
 * - every OOS parameter read names a parameter exactly one stack writes, in the reader's provider region, and is
 *   listed in the register (a `state` entry; a secret read, a `credential` entry), and the account whose password a
 *   secret read carries holds exactly the grants the register's scope lists, none on personal data.
 * (e) every resource reference of every register entry matches at least one resource of the output.
 */
import type { TopologyModel } from '../topology/model';
import type { DataFlowRegister } from '../register/register';
import { resourceText } from '../register/render';
import { addressOf, isLiteral, isObj, listOf, type Node, type OutputIndex } from './output';
import { Collector } from './report';

const SECRET_ATTRIBUTE = /(^|_)(password|secret|token|private_key|access_key|credential)s?(_|$)/;

export function checkSecrets(ix: OutputIndex, model: TopologyModel, register: DataFlowRegister): Collector {
  const c = new Collector('secrets');
  const unitByStack = new Map(model.units.map((u) => [u.stackName, u]));

  for (const n of ix.dataSources('terraform_remote_state')) c.error(`reads another stack's whole state through terraform_remote_state`, [addressOf(n)]);

  // Backends: where each state is kept.
  const local: string[] = [];
  for (const stack of ix.stacks) {
    const backend = ix.backend(stack);
    const expected = model.state.locations[stack];
    if (!backend) continue;
    const [kind] = Object.keys(backend);
    // Bootstrap stacks keep local state by design (they create the state stores) and hold no unit's values.
    if (kind === 'local') {
      if (expected) local.push(stack);
    } else if (kind === 'oss') {
      const cfg = isObj(backend.oss) ? backend.oss : {};
      const unit = unitByStack.get(stack);
      const want = unit ? unit.region : expected?.kind === 'oss' ? expected.config.region : undefined;
      if (want !== undefined && cfg.region !== want)
        c.error(`stack ${stack} keeps its state in ${String(cfg.region)}, not in ${want}${unit ? ` (unit ${unit.id}'s region)` : ''}`, [
          { stack, address: 'terraform.backend.oss' },
        ]);
    } else c.error(`stack ${stack} uses backend ${kind}, which the analysis cannot place in a region`, [{ stack, address: `terraform.backend.${kind}` }]);
  }
  if (local.length)
    c.warning(
      `the state of ${local.join(', ')} is a local file where Terraform runs: every unit's secrets then sit on that machine, in its jurisdiction; use stateBackend { kind: 'oss' } for anything but a trial (docs/operations.md)`,
    );

  // Generated passwords and database accounts live in their unit's stack, on its own RDS.
  for (const n of ix.all('random_password')) if (!unitByStack.has(n.stack)) c.error(`random_password outside a unit stack`, [addressOf(n)]);
  for (const type of ['alicloud_rds_account', 'alicloud_db_account', 'alicloud_db_account_privilege']) {
    for (const n of ix.all(type)) {
      if (!unitByStack.has(n.stack)) {
        c.error(`database account or grant outside a unit stack`, [addressOf(n)]);
        continue;
      }
      const instance = ix.resolve(n.stack, n.body.db_instance_id ?? n.body.instance_id)?.node;
      if (instance?.type !== 'alicloud_db_instance' || instance.stack !== n.stack)
        c.error(`database account or grant of unit ${unitByStack.get(n.stack)!.id} is not on the unit's own RDS instance`, [addressOf(n)]);
    }
  }

  // No stack exports a secret (a unit's would leave in its outputs; link's and accel's hold other units' secrets).
  for (const stack of ix.stacks) {
    const owner = unitByStack.get(stack);
    for (const [name, out] of Object.entries(ix.outputsOf(stack))) {
      const o = isObj(out) ? out : {};
      const secret = ix
        .refsIn(stack, o.value)
        .find(
          (r) =>
            ['random_password', 'alicloud_oos_secret_parameter', 'alicloud_oos_secret_parameters'].includes(r.node.type) ||
            SECRET_ATTRIBUTE.test(r.attribute.split('.').pop() ?? ''),
        );
      if (o.sensitive === true || secret)
        c.error(
          `${owner ? `unit ${owner.id}` : `stack ${stack}`} exports a secret as output ${name}${secret ? ` (${secret.node.address}.${secret.attribute})` : ' (sensitive)'}`,
          [{ stack, address: `output.${name}` }, ...(secret ? [addressOf(secret.node)] : [])],
        );
    }
  }

  // Cross-stack reads: published by one stack, in the reader's region, listed in the register.
  const registered = new Set(
    register.entries.flatMap((e) => e.resources.filter((r) => r.data && r.match.ids !== undefined).map((r) => `${e.kind} ${r.stack} ${r.type} ${r.match.ids}`)),
  );
  const listed = (read: Node, kind: 'state' | 'credential') =>
    listOf(read.body.ids).some((id) => registered.has(`${kind} ${read.stack} ${read.type} ${String(id)}`));
  let reads = 0;
  for (const read of [...ix.dataSources('alicloud_oos_parameters'), ...ix.dataSources('alicloud_oos_secret_parameters')]) {
    reads++;
    const secret = read.type === 'alicloud_oos_secret_parameters';
    const name = ix.parameterRead(read);
    const writer = ix.writerOf(read);
    if (!name || !writer) {
      c.error(`reads OOS ${secret ? 'secret ' : ''}parameter ${JSON.stringify(read.body.ids)}, which no one stack of the output writes`, [addressOf(read)]);
      continue;
    }
    if (ix.regionOf(read) !== ix.regionOf(writer))
      c.error(`reads ${name} in ${ix.regionOf(read)}, but stack ${writer.stack} writes it in ${ix.regionOf(writer)}`, [addressOf(read), addressOf(writer)]);
    if (writer.stack === read.stack) continue;
    const unit = unitByStack.get(writer.stack);
    if (!unit) continue;
    if (!listed(read, 'state'))
      c.error(`stack ${read.stack} reads unit ${unit.id}'s ${name} into its state, and no register state entry lists it`, [addressOf(read), addressOf(writer)]);
    if (!secret) continue;
    if (!listed(read, 'credential'))
      c.error(`stack ${read.stack} reads unit ${unit.id}'s secret ${name}, and no register credential entry lists it`, [addressOf(read), addressOf(writer)]);
    scopeOf(c, ix, model, register, read, writer);
  }
  c.proved(`${reads} OOS parameter reads each resolve to the one stack that publishes them, in the reader's region, and the register lists them`);
  return c;
}

/** The grants of the account whose password a secret read carries, against the register's scope for it. */
function scopeOf(c: Collector, ix: OutputIndex, model: TopologyModel, register: DataFlowRegister, read: Node, writer: Node): void {
  const password = ix.resolve(writer.stack, writer.body.value)?.node;
  const accounts = password
    ? ix.all('alicloud_rds_account', writer.stack).filter((a) => ix.refsIn(writer.stack, a.body.account_password).some((r) => r.node === password))
    : [];
  const unit = model.units.find((u) => u.stackName === writer.stack);
  if (!unit || accounts.length !== 1) {
    c.error(
      `the secret ${String(writer.body.secret_parameter_name)} read by stack ${read.stack} is not the password of exactly one database account of its unit`,
      [addressOf(read), addressOf(writer)],
    );
    return;
  }
  const [account] = accounts;
  const entry = register.entries.find((e) => e.details.kind === 'credential' && e.details.parameter === writer.body.secret_parameter_name);
  const scope = entry?.details.kind === 'credential' ? entry.details.scope : [];
  const dbName = (v: unknown) => {
    const r = ix.resolve(writer.stack, v);
    return r?.node.type === 'alicloud_db_database' ? r.node.body.data_base_name : v;
  };
  const grants = ix
    .all('alicloud_db_account_privilege', writer.stack)
    .filter((g) => ix.resolve(writer.stack, g.body.account_name)?.node === account || g.body.account_name === account.body.account_name);
  for (const g of grants) {
    for (const db of listOf(g.body.db_names).map(dbName)) {
      const where = [addressOf(read), addressOf(account), addressOf(g)];
      if (!isLiteral(db)) c.error(`the grant of ${String(account.body.account_name)} names a database the analysis cannot read`, where);
      else if (db === unit.appDatabase)
        c.error(
          `${String(account.body.account_name)}, whose password leaves unit ${unit.id}, holds ${String(g.body.privilege)} on ${db} (personal data)`,
          where,
        );
      else if (!scope.some((s) => s.privilege === g.body.privilege && s.databases.includes(db)))
        c.error(
          `${String(account.body.account_name)}, whose password leaves unit ${unit.id}, holds ${String(g.body.privilege)} on ${db}, which the register's scope for it does not list`,
          where,
        );
    }
  }
  for (const s of scope) {
    for (const db of s.databases) {
      if (!grants.some((g) => g.body.privilege === s.privilege && listOf(g.body.db_names).map(dbName).includes(db)))
        c.error(`register entry ${entry!.id} lists ${s.privilege} on ${db}, which unit ${unit.id} does not grant ${String(account.body.account_name)}`, [
          addressOf(account),
        ]);
    }
  }
}

/** (e) Every register entry names resources the output has. */
export function checkRegister(ix: OutputIndex, register: DataFlowRegister): Collector {
  const c = new Collector('register');
  let refs = 0;
  for (const e of register.entries) {
    for (const ref of e.resources) {
      refs++;
      if (!ix.matching(ref).length)
        c.error(`register entry ${e.id} names ${resourceText(ref)}, which the output does not have`, [
          {
            stack: ref.stack,
            address: `${ref.data ? 'data.' : ''}${ref.type}[${Object.entries(ref.match)
              .map(([k, v]) => `${k}=${v}`)
              .join(',')}]`,
          },
        ]);
    }
  }
  c.proved(`${register.entries.length} register entries name ${refs} resources, each found in the output`);
  return c;
}
