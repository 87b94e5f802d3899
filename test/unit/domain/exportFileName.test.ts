import { expect, it } from 'vitest';
import { exportFileBase } from '../../../src/domain/exportFileName';

it('names an export made just after midnight in Bangkok by that day, not by UTC’s yesterday', () => {
  // 00:30 on 5 January 2024 in Bangkok is 17:30 UTC on the 4th.
  expect(exportFileBase('2024-01-04T17:30:00.000Z', '1a2b3c4d-0000-4000-8000-000000000000')).toBe(
    'ita-export-2024-01-05-1a2b3c4d',
  );
  expect(exportFileBase('2024-01-05T16:59:59.000Z', 'ffffffff-x')).toBe('ita-export-2024-01-05-ffffffff');
});
