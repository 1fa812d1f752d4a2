/// <reference lib="dom" />
// The page as a person gets it: a real Chromium (the repo's, as the e2e tests use it) opens each
// route signed in and reports, from the page's own clock (ms since navigation start), when the
// first task row is visible and when the quick-add input is usable (hydrated: React's props are
// attached, so typing and Enter are handled), and the JavaScript the route loads.
// Reads { url, routes: [{ name, path, cookie }] } on stdin, writes the figures as JSON on stdout.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from '../../apps/frontend/e2e/support/chromium.js';

interface Route {
  name: string;
  path: string;
  cookie: string;
}

const VISITS = 3;
const { url, routes } = JSON.parse(readFileSync(0, 'utf8')) as { url: string; routes: Route[] };
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const browser = await chromium.launch({
  executablePath: await resolveChromium(),
  args: CHROMIUM_ARGS,
});
try {
  const figures = [];
  for (const route of routes) {
    const context = await browser.newContext();
    await context.addCookies(
      route.cookie.split('; ').map((pair) => {
        const at = pair.indexOf('=');
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
      }),
    );
    const visible: number[] = [];
    const usable: number[] = [];
    let js = { decoded: 0, encoded: 0 };
    // The first visit fills the browser's cache as a returning person's would be; then VISITS.
    for (let visit = 0; visit <= VISITS; visit += 1) {
      const page = await context.newPage();
      await page.goto(`${url}${route.path}`, { waitUntil: 'commit' });
      const seen = await page.waitForFunction(() => {
        const row = document.querySelector('.task-row');
        return row && row.getBoundingClientRect().height > 0 ? performance.now() : false;
      });
      const ready = await page.waitForFunction((id) => {
        const input = document.getElementById(id);
        const hydrated = input && Object.keys(input).some((key) => key.startsWith('__reactProps'));
        return hydrated && !(input as HTMLInputElement).disabled ? performance.now() : false;
      }, 'quick-add-input');
      if (visit === 0) {
        js = await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .filter((entry) => (entry as PerformanceResourceTiming).initiatorType === 'script')
            .reduce(
              (sum, entry) => {
                const timing = entry as PerformanceResourceTiming;
                return {
                  decoded: sum.decoded + timing.decodedBodySize,
                  encoded: sum.encoded + timing.encodedBodySize,
                };
              },
              { decoded: 0, encoded: 0 },
            ),
        );
      } else {
        visible.push(Number(await seen.jsonValue()));
        usable.push(Number(await ready.jsonValue()));
      }
      await page.close();
    }
    await context.close();
    figures.push({
      name: route.name,
      path: route.path,
      visibleMs: Math.round(median(visible)),
      usableMs: Math.round(median(usable)),
      jsKiB: Math.round(js.decoded / 1024),
      jsTransferKiB: Math.round(js.encoded / 1024),
    });
  }
  process.stdout.write(JSON.stringify(figures));
} finally {
  await browser.close();
}
