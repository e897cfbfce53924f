import { jsonencodeToJson } from '../../lib/policy/hcl';

describe('jsonencodeToJson', () => {
  test.each([
    ['keys with =', '${jsonencode({"a" = 1, "b" = ["x", "y"]})}', { a: 1, b: ['x', 'y'] }],
    ['= inside strings kept', '${jsonencode({"a" = "k=v"})}', { a: 'k=v' }],
    [
      'interpolations kept as text',
      '${jsonencode({"r" = "acs:oss:*:*:${alicloud_oss_bucket.b.bucket}/*"})}',
      { r: 'acs:oss:*:*:${alicloud_oss_bucket.b.bucket}/*' },
    ],
    ['quotes and braces inside interpolations', '${jsonencode({"r" = "${lookup({"k" = "v"}, "k")}"})}', { r: '${lookup({"k" = "v"}, "k")}' }],
    ['escaped quotes', '${jsonencode({"a" = "say \\"hi\\""})}', { a: 'say "hi"' }],
  ])('%s', (_name, expr, expected) => {
    expect(JSON.parse(jsonencodeToJson(expr)!)).toEqual(expected);
  });

  test.each([
    ['plain JSON', '{"a":1}'],
    ['another function', '${jsondecode(var.x)}'],
    ['a bare reference', '${var.policy}'],
  ])('%s is not a jsonencode', (_name, expr) => {
    expect(jsonencodeToJson(expr)).toBeUndefined();
  });
});
