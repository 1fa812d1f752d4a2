import type { Phrase } from './phrase.js';

const KIRITIMATI = 'Pacific/Kiritimati'; // UTC+14: 10:00 UTC on 1 Dec is Wed 2 Dec 00:00
const PAGO_PAGO = 'Pacific/Pago_Pago'; // UTC−11: 10:00 UTC on 1 Dec is Mon 30 Nov 23:00
// Berlin springs forward on 29 Mar 2026 (02:00 → 03:00) and falls back on 25 Oct 2026.
const BEFORE_SPRING = '2026-03-28T12:00:00Z';
const BEFORE_AUTUMN = '2026-10-24T12:00:00Z';

/** Far east and west, and the days the clocks change. */
export const ZONE_PHRASES: Phrase[] = [
  { text: 'Call today', zone: KIRITIMATI, title: 'Call', due: '2026-12-02T23:59' },
  { text: 'Call tomorrow 9am', zone: KIRITIMATI, title: 'Call', due: '2026-12-03T09:00' },
  { text: 'Call fri', zone: KIRITIMATI, title: 'Call', due: '2026-12-04T23:59' },
  {
    text: 'Call every mon at 9am',
    zone: KIRITIMATI,
    title: 'Call',
    due: '2026-12-07T09:00',
    repeat: { frequency: 'weekly', interval: 1, weekdays: ['mo'] },
  },
  { text: 'Call today', zone: PAGO_PAGO, title: 'Call', due: '2026-11-30T23:59' },
  { text: 'Call tomorrow', zone: PAGO_PAGO, title: 'Call', due: '2026-12-01T23:59' },
  { text: 'Call in 3 days', zone: PAGO_PAGO, title: 'Call', due: '2026-12-03T23:59' },
  { text: 'Call fri', zone: PAGO_PAGO, title: 'Call', due: '2026-12-04T23:59' },
  {
    text: 'Call every day',
    zone: PAGO_PAGO,
    title: 'Call',
    due: '2026-11-30T23:59',
    repeat: { frequency: 'daily', interval: 1 },
  },
  { text: 'Tea Dec 24 18:00', zone: 'Asia/Kolkata', title: 'Tea', due: '2026-12-24T18:00' },
  { text: 'Brunch tomorrow 9am', now: BEFORE_SPRING, title: 'Brunch', due: '2026-03-29T09:00' },
  {
    text: 'Alarm tomorrow 2:30am',
    now: BEFORE_SPRING,
    title: 'Alarm',
    due: '2026-03-29T03:30',
    why: '02:30 does not exist that night: forward by the gap',
  },
  {
    text: 'Check in 3 hours',
    now: '2026-03-29T00:30:00Z',
    title: 'Check',
    due: '2026-03-29T05:30',
    why: 'three real hours across the jump (01:30 CET + 3 h = 05:30 CEST)',
  },
  {
    text: 'Stretch every day at 9am',
    now: BEFORE_SPRING,
    title: 'Stretch',
    due: '2026-03-29T09:00',
    repeat: { frequency: 'daily', interval: 1 },
  },
  { text: 'Brunch tomorrow 9am', now: BEFORE_AUTUMN, title: 'Brunch', due: '2026-10-25T09:00' },
  { text: 'Alarm tomorrow 2:30am', now: BEFORE_AUTUMN, title: 'Alarm', due: '2026-10-25T02:30' },
  {
    text: 'Brunch tomorrow 9am',
    now: '2026-03-07T17:00:00Z',
    zone: 'America/New_York',
    title: 'Brunch',
    due: '2026-03-08T09:00',
  },
  {
    text: 'Brunch tomorrow 9am',
    now: '2026-10-31T16:00:00Z',
    zone: 'America/New_York',
    title: 'Brunch',
    due: '2026-11-01T09:00',
  },
];
