// The LWC Jest suite (`npm run test:lwc`): sfdx-lwc-jest's preset over force-app only, so Jest never
// picks up the vitest suites of shared/ and server/.
import { jestConfig } from '@salesforce/sfdx-lwc-jest/config.js';

export default {
  ...jestConfig,
  roots: ['<rootDir>/force-app'],
  moduleNameMapper: {
    // sfdx-lwc-jest ships no lightning/modal stub.
    '^lightning/modal$': '<rootDir>/force-app/test/jest-mocks/lightning/modal',
  },
  setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv ?? []), '<rootDir>/force-app/test/jest-setup.js'],
};
