// Every LWC test can assert `await expect(element).toBeAccessible()` (axe rules of @sa11y/preset-rules).
import { registerSa11yMatcher } from '@sa11y/jest';

registerSa11yMatcher();
