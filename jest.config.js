// ESM all the way: @actions/core 3 and @actions/github 9 ship only ESM, so jest runs with
// --experimental-vm-modules and ts-jest's ESM preset (transpile only; `npm run typecheck` checks types).
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  setupFiles: ['<rootDir>/__tests__/setup-env.ts'],
  // Sources import siblings as './x.js' (NodeNext); jest resolves them to the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testTimeout: 60000,
  collectCoverageFrom: ['src/**/*.ts']
}
