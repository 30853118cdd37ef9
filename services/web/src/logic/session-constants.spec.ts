import { CSRF_HEADER as CONTRACT_CSRF_HEADER } from '@dm/contracts/web';
import { CSRF_HEADER } from './session-constants';

// The first page loads without the contracts' schemas (zod), so it names the header itself.
it('names the CSRF header as the identity contract does', () => {
  expect(CSRF_HEADER).toBe(CONTRACT_CSRF_HEADER);
});
