import * as fs from 'fs';
import * as path from 'path';
import { trimSchema } from '../scripts/trim-schema';

const FQPN = 'registry.terraform.io/aliyun/alicloud';
const block = (attr: string) => ({ version: 0, block: { attributes: { [attr]: { type: 'string', optional: true, x_force_new: true } } } });
const full = {
  format_version: '1.0',
  provider_schemas: {
    [FQPN]: {
      provider: { version: 0, block: {} },
      resource_schemas: { alicloud_vpc: block('cidr_block'), alicloud_vswitch: block('zone_id'), alicloud_unused: block('x') },
      data_source_schemas: { alicloud_images: block('name_regex') },
    },
  },
};
const list = { provider: { source: 'aliyun/alicloud', version: '1.289.0' }, resources: ['alicloud_vswitch', 'alicloud_vpc'], dataSources: ['alicloud_images'] };

describe('trimSchema', () => {
  it('keeps exactly the listed types, whole (x_ facts included), pins the version, sorts keys', () => {
    const out = trimSchema(full, list) as any;
    expect(Object.keys(out.provider_schemas[FQPN].resource_schemas)).toEqual(['alicloud_vpc', 'alicloud_vswitch']);
    expect(out.provider_schemas[FQPN].resource_schemas.alicloud_vpc).toEqual(block('cidr_block'));
    expect(Object.keys(out.provider_schemas[FQPN].data_source_schemas)).toEqual(['alicloud_images']);
    expect(out.provider_versions).toEqual({ [FQPN]: '1.289.0' });
    expect(Object.keys(out)).toEqual([...Object.keys(out)].sort());
  });

  it('names every listed type the schema lacks', () => {
    expect(() => trimSchema(full, { ...list, resources: ['alicloud_vpc', 'alicloud_nope'], dataSources: ['alicloud_gone'] })).toThrow(
      /lists types the schema does not have:\n {2}resource alicloud_nope\n {2}data source alicloud_gone\n/,
    );
  });

  it('refuses a schema of another provider version', () => {
    expect(() => trimSchema({ ...full, provider_versions: { [FQPN]: '1.250.0' } }, list)).toThrow(
      /schema is for aliyun\/alicloud 1\.250\.0, provider\/resource-types\.json pins 1\.289\.0/,
    );
  });

  it('the committed trimmed schema holds exactly the types of provider/resource-types.json', () => {
    const root = path.resolve(__dirname, '..');
    const types = JSON.parse(fs.readFileSync(path.join(root, 'provider', 'resource-types.json'), 'utf8'));
    const trimmed = JSON.parse(fs.readFileSync(path.join(root, 'provider', 'alicloud.schema.json'), 'utf8'));
    expect(Object.keys(trimmed.provider_schemas[FQPN].resource_schemas)).toEqual([...types.resources].sort());
    expect(Object.keys(trimmed.provider_schemas[FQPN].data_source_schemas)).toEqual([...types.dataSources].sort());
    expect(trimmed.provider_versions[FQPN]).toBe(types.provider.version);
  });
});
