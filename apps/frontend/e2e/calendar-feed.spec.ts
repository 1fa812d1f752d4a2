import { request as playwrightRequest } from '@playwright/test';
import ICAL from 'ical.js';
import { addTask, expect, localDateTime, signUp, test } from './support/fixtures';

/** Fetches a feed as a calendar app does: a client of its own, no session cookie. */
async function fetchFeed(url: string) {
  const client = await playwrightRequest.newContext();
  try {
    const response = await client.get(url);
    return { status: response.status(), headers: response.headers(), body: await response.text() };
  } finally {
    await client.dispose();
  }
}

test('a calendar feed made in settings serves the tasks as iCalendar; a new URL and deleting revoke the old', async ({
  page,
}) => {
  await signUp(page);
  const due = await localDateTime(page, 2, '18:00');
  await addTask(page, { title: 'Dentist, then shopping', due, repeat: 'Every week' });
  await addTask(page, { title: 'No date for this one' });

  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Calendar feeds' });
  await expect(section.getByText('No calendar feed yet.')).toBeVisible();
  await section.getByLabel('Feed of').selectOption({ label: 'All tasks' });
  await section.getByRole('button', { name: 'Make feed' }).click();
  const urlField = section.getByLabel('Feed URL for All tasks');
  await expect(urlField).toHaveValue(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const url = await urlField.inputValue();
  expect(new URL(url).origin).toBe(new URL(page.url()).origin);
  await expect(section.getByRole('link', { name: 'Open in calendar app' })).toHaveAttribute(
    'href',
    url.replace(/^https?:/, 'webcal:'),
  );
  await expect(section.getByRole('listitem').filter({ hasText: 'All tasks' })).toBeVisible();

  const feed = await fetchFeed(url);
  expect(feed.status).toBe(200);
  expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
  expect(feed.headers.etag).toBeTruthy();
  const calendar = new ICAL.Component(ICAL.parse(feed.body));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  expect(events.map((event) => event.summary)).toEqual(['Dentist, then shopping']);
  const [event] = events;
  // The browser (and so the task) is in Europe/Berlin: 18:00 there, every week.
  expect(event?.startDate.zone.tzid).toBe('Europe/Berlin');
  expect(event?.startDate.toString()).toBe(`${due}:00`);
  expect(event?.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=WEEKLY');
  expect(event?.component.getFirstPropertyValue('url')).toMatch(
    new RegExp(`^${new URL(url).origin}/tasks/\\d+$`),
  );

  // A new URL (after confirming) stops the old one.
  await section.getByRole('button', { name: 'Done' }).click();
  await section.getByRole('button', { name: 'New URL for All tasks' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Make a new URL' }).click();
  await expect(urlField).toHaveValue(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const newUrl = await urlField.inputValue();
  expect(newUrl).not.toBe(url);
  expect((await fetchFeed(url)).status).toBe(404);
  expect((await fetchFeed(newUrl)).status).toBe(200);

  // Deleting stops the new one too.
  await section.getByRole('button', { name: 'Delete the feed of All tasks' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete feed' }).click();
  await expect(section.getByText('No calendar feed yet.')).toBeVisible();
  expect((await fetchFeed(newUrl)).status).toBe(404);
});
