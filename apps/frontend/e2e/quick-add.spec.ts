import { expectNoSeriousViolations } from './support/axe';
import { expect, newTaskForm, settled, signUp, taskRow, test } from './support/fixtures';

test('quick add: what the line says is highlighted and listed, a chip removed stays as words, and an unknown project is created', async ({
  page,
}) => {
  await signUp(page);
  const form = newTaskForm(page);
  const line = form.getByLabel('Title', { exact: true });
  await line.fill('Pay rent tomorrow 9am every month p1 #Home @bills');

  const chips = form.getByRole('list', { name: 'Recognised' });
  await expect(chips).toHaveAttribute('aria-live', 'polite');
  await expect(chips.getByRole('listitem')).toHaveText([
    /Tomorrow 09:00/,
    /Every month/,
    /High priority/,
    /Create project “Home”/,
    /@bills/,
  ]);
  // The layer behind the input marks exactly the characters the parser read.
  await expect(form.locator('.quick-add-mirror mark')).toHaveText([
    'tomorrow 9am',
    'every month',
    'p1',
    '#Home',
    '@bills',
  ]);
  await expectNoSeriousViolations(page, 'quick add with chips');

  await chips.getByRole('button', { name: /^Remove priority/ }).click();
  await expect(line).toBeFocused();
  await expect(chips.getByRole('listitem')).toHaveCount(4);
  await expect(form.locator('.quick-add-mirror mark')).toHaveText([
    'tomorrow 9am',
    'every month',
    '#Home',
    '@bills',
  ]);

  await line.press('Enter');
  await expect(
    page.getByRole('status').getByText('Added “Pay rent p1” to the new project “Home”'),
  ).toBeVisible();
  await expect(line).toHaveValue('');
  await settled(page);
  await page.reload();
  const row = taskRow(page, 'Pay rent p1');
  await expect(row.getByText('Medium')).toBeVisible();
  await expect(row.getByText('Tomorrow 09:00')).toBeVisible();
  await expect(row.getByText('Every month')).toBeVisible();
  await expect(row.getByText('Project: Home')).toBeVisible();
  await expect(row.getByRole('link', { name: 'Show tasks tagged bills' })).toBeVisible();

  // The project exists now: naming it again, in any case, neither offers nor creates another.
  await line.fill('Buy light bulbs #home');
  await expect(form.getByRole('list', { name: 'Recognised' }).getByRole('listitem')).toHaveText([
    /#Home/,
  ]);
  await line.press('Enter');
  await expect(page.getByRole('status').getByText('Added “Buy light bulbs”')).toBeVisible();
  await expect(taskRow(page, 'Buy light bulbs').getByText('Project: Home')).toBeVisible();
});

test('quick add refuses a line that is only a date and a priority, and keeps it', async ({
  page,
}) => {
  await signUp(page);
  const form = newTaskForm(page);
  const line = form.getByLabel('Title', { exact: true });
  await line.fill('tomorrow p1');
  await line.press('Enter');
  await expect(form.getByText(/Add what the task is/)).toBeVisible();
  await expect(line).toHaveAttribute('aria-invalid', 'true');
  await expect(line).toHaveValue('tomorrow p1');
  await expect(line).toBeFocused();
});

// chrono-node names its parsers; the name is in whichever script holds the quick-add parser.
const PARSER_MARK = 'ENCasualDateParser';

test.describe('quick add without its parser', () => {
  // The service worker fetches the app's scripts itself, out of the test's sight: blocked here.
  test.use({ serviceWorkers: 'block' });

  test('quick add: the parser is not in the page’s first JavaScript, and a line sent before it arrives is read in full', async ({
    page,
  }) => {
    const scripts: { url: string; parser: boolean }[] = [];
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/_next/static/chunks/*.js', async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      const parser = body.includes(PARSER_MARK);
      scripts.push({ url: route.request().url(), parser });
      // The parser arrives only when the test says so: a slow network.
      if (parser) await held;
      await route.fulfill({ response, body });
    });
    await signUp(page);
    const form = newTaskForm(page);
    const line = form.getByLabel('Title', { exact: true });
    await expect
      .poll(() =>
        line.evaluate((input) => Object.keys(input).some((key) => key.startsWith('__reactProps'))),
      )
      .toBe(true);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((script) => script.parser)).toEqual([]);

    await line.fill('Pay rent tomorrow 9am p1 #Home @bills');
    await expect.poll(() => scripts.some((script) => script.parser)).toBe(true);
    await line.press('Enter');
    await expect(form.getByRole('button', { name: 'Adding…' })).toBeDisabled();
    await expect(form.getByRole('list', { name: 'Recognised' }).getByRole('listitem')).toHaveCount(
      0,
    );

    release();
    await expect(
      page.getByRole('status').getByText('Added “Pay rent” to the new project “Home”'),
    ).toBeVisible();
    await expect(line).toHaveValue('');
    const row = taskRow(page, 'Pay rent');
    await expect(row.getByText('High')).toBeVisible();
    await expect(row.getByText('Tomorrow 09:00')).toBeVisible();
    await expect(row.getByRole('link', { name: 'Show tasks tagged bills' })).toBeVisible();
  });
});
