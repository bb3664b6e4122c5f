// Nest 12 ships ESM only and Jest on Node 20 cannot require(esm); rewrite the few ESM-only
// constructs those packages use so ts-jest can emit CommonJS for them.
const inner = require('ts-jest').default.createTransformer({ tsconfig: '<rootDir>/tsconfig.jest.json' });
const fix = (s) =>
  s
    .replace(/(?:const|let|var)\s+require\s*=\s*createRequire\([^)]*\);?/g, '')
    .replace(/import\.meta\.resolve\(/g, 'require.resolve(')
    .replace(/import\.meta\.url/g, "require('node:url').pathToFileURL(__filename).href")
    .replace(/import\.meta\.dirname/g, '__dirname')
    .replace(/import\.meta\.filename/g, '__filename');
module.exports = {
  ...inner,
  process: (src, p, o) => inner.process(fix(src), p, o),
  processAsync: (src, p, o) => inner.processAsync(fix(src), p, o),
  getCacheKey: (src, p, o) => inner.getCacheKey(fix(src), p, o) + 'fix1',
};
