import { expect, it } from 'vitest';
import { nextMeetingNumber } from '../../../src/domain/meetingAgenda';

it('offers the number after the year’s highest, not after the count of meetings', () => {
  expect(nextMeetingNumber(['3/2567'], 2567)).toBe('4/2567');
  expect(nextMeetingNumber(['1/2567', '5/2567', '2/2567'], 2567)).toBe('6/2567');
  expect(nextMeetingNumber([], 2567)).toBe('1/2567');
});

it('leaves out other years’ numbers and text that is not a number, and reads Thai digits', () => {
  expect(nextMeetingNumber(['12/2566', '2/2567'], 2567)).toBe('3/2567');
  expect(nextMeetingNumber(['๗/๒๕๖๗', 'พิเศษ'], 2567)).toBe('8/2567');
  expect(nextMeetingNumber(['4'], 2567)).toBe('5/2567');
});
