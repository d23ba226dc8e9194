// Days are shown, typed and picked as the app's language writes them, not as the browser's locale
// would (a native date input): a Portuguese app on an English browser reads "06/12/2026" and a
// calendar of "dezembro" starting on Sunday; the same page in English reads "Dec 6, 2026".
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../../server/test/harness';
import { screenshotPath } from './browser';
import { signedInPage } from './builder-page';
import { settle } from './inbox-page';
import { startSignedUpSuite } from './suites';

let app: TestApp;
let browser: Browser;
let token: string;

startSignedUpSuite('Padaria', (s) => ({ app, browser, token } = s));

/** The page's own "today minus n days", written by Intl in `locale` (what the field should show). */
const daysAgo = (page: Page, n: number, locale: string, options: Intl.DateTimeFormatOptions) =>
  page.evaluate(([k, l, o]) => {
    const d = new Date();
    d.setDate(d.getDate() - (k as number));
    return new Intl.DateTimeFormat(l as string, o as Intl.DateTimeFormatOptions).format(d);
  }, [n, locale, options] as const);

describe('date fields', () => {
  it('when the app is in pt-BR on an English browser, then Reports reads, takes and picks days as dd/mm/aaaa with a Portuguese calendar', async () => {
    const page = await signedInPage(browser, app, token, 'pt-BR');
    await page.goto(`${app.url}/reports`);
    const from = page.getByTestId('reports-from');
    await expect.poll(() => from.inputValue()).toBe(await daysAgo(page, 6, 'pt-BR', { day: '2-digit', month: '2-digit', year: 'numeric' }));
    await from.click();
    const month = await daysAgo(page, 6, 'pt-BR', { month: 'long' });
    const dropdown = page.locator('.mantine-Popover-dropdown:has(.mantine-DateInput-month)');
    await dropdown.waitFor();
    expect(await dropdown.locator('.mantine-DateInput-calendarHeaderLevel').textContent()).toContain(month);
    // Weeks start on Sunday, as a Brazilian calendar does.
    expect((await dropdown.locator('.mantine-DateInput-weekday').first().textContent())?.toLowerCase()).toMatch(/^do/);
    expect(await dropdown.getByRole('button', { name: 'Próximo mês' }).count()).toBe(1);
    // Saturdays and Sundays look like the other days of the month: none is painted red.
    const colors = await dropdown.locator('.mantine-DateInput-day:not([data-outside]):not([data-selected])').evaluateAll((days) => days.map((d) => getComputedStyle(d).color));
    expect(colors.length).toBeGreaterThan(20);
    expect(new Set(colors).size).toBe(1);
    await settle(page);
    await page.screenshot({ path: screenshotPath('date-field-calendar-pt-BR') });
    await page.keyboard.press('Escape');
    // Typed day first; the report follows the new range.
    await from.fill('2/1/2026');
    await from.blur();
    expect(await from.inputValue()).toBe('02/01/2026');
    // A day that does not exist is not taken: the field goes back to the one it held.
    await from.fill('31/02/2026');
    await from.blur();
    expect(await from.inputValue()).toBe('02/01/2026');
    await page.close();
  });

  it('when the app is in English, then the same field reads "Mmm D, YYYY", takes a month-first day and shows an English calendar', async () => {
    const page = await signedInPage(browser, app, token, 'en', true);
    await page.goto(`${app.url}/reports`);
    const to = page.getByTestId('reports-to');
    await expect.poll(() => to.inputValue()).toBe(await daysAgo(page, 0, 'en-US', { month: 'short', day: 'numeric', year: 'numeric' }));
    await to.click();
    const dropdown = page.locator('.mantine-Popover-dropdown:has(.mantine-DateInput-month)');
    await dropdown.waitFor();
    expect(await dropdown.locator('.mantine-DateInput-calendarHeaderLevel').textContent()).toContain(await daysAgo(page, 0, 'en-US', { month: 'long' }));
    expect(await dropdown.locator('.mantine-DateInput-weekday').first().textContent()).toBe('Su');
    await settle(page);
    await page.screenshot({ path: screenshotPath('date-field-calendar-en-phone') });
    await page.keyboard.press('Escape');
    const from = page.getByTestId('reports-from');
    await from.fill('12/01/2025');
    await from.blur();
    expect(await from.inputValue()).toBe('Dec 1, 2025');
    await page.close();
  });
});
