import path from 'node:path';
import { addTask, expect, localDateTime, settled, signUp, test } from './support/fixtures';
import { addProject } from './support/projects';

// Regenerates docs/screenshots/*.png: `UPDATE_SCREENSHOTS=1 npm run test:e2e -- screenshots`.
// Skipped otherwise, so a normal run never rewrites committed files.
const outDir = path.resolve(import.meta.dirname, '../../../docs/screenshots');
const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

test.skip(!process.env.UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to regenerate');

test('screenshots of the landing page and the task list', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const visitor = await browser.newContext();
  const landing = await visitor.newPage();

  await signUp(page, {
    name: 'Alex Morgan',
    email: `alex-${Date.now()}@example.com`,
    password: 'correct-horse-battery',
  });
  await addProject(page, 'Work', 'Blue');
  await addProject(page, 'Home', 'Green');
  const tasks = [
    {
      title: 'Send the quarterly report to Dana',
      project: 'Work',
      priority: 'High',
      tags: ['work'],
      due: await localDateTime(page, -1, '17:00'),
      description: 'Numbers are in the shared sheet; add the churn chart.',
    },
    {
      title: 'Book dentist appointment',
      priority: 'Medium',
      tags: ['health'],
      due: await localDateTime(page, 0, '18:30'),
    },
    {
      title: 'Water the plants',
      project: 'Home',
      priority: 'Low',
      tags: ['home'],
      due: await localDateTime(page, 1, '08:00'),
      repeat: 'Every week',
    },
    {
      title: 'Renew passport',
      priority: 'High',
      tags: ['admin'],
      due: await localDateTime(page, 6, '12:00'),
    },
    {
      title: 'Buy oat milk and coffee beans',
      project: 'Home',
      priority: 'Low',
      tags: ['shopping', 'home'],
    },
    {
      title: 'Plan the team offsite',
      project: 'Work',
      priority: 'Medium',
      tags: ['work'],
      description: 'Shortlist three venues.',
    },
  ] as const;
  // Added oldest first, so the newest-first list opens with the overdue one.
  for (const task of [...tasks].reverse()) await addTask(page, { ...task, tags: [...task.tags] });
  await page
    .getByRole('checkbox', { name: 'Mark “Buy oat milk and coffee beans” as done' })
    .check();
  await settled(page);

  const app = await page.context().newPage();
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [device, viewport] of Object.entries(viewports)) {
      for (const [name, target] of [
        ['landing', landing],
        ['tasks', app],
      ] as const) {
        await target.setViewportSize(viewport);
        await target.emulateMedia({ colorScheme });
        await target.goto('/');
        await expect(target.getByRole('heading', { level: 1 })).toBeAttached();
        await target.evaluate(() => document.fonts.ready);
        await target.screenshot({
          path: path.join(outDir, `${name}-${colorScheme}-${device}.png`),
        });
      }
    }
  }
  await visitor.close();
});
