// Picks a time in a time field (shared/TimeField): it filters by 24-hour time in every language.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export async function pickTime(page: Page, testId: string, time: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(time);
  const option = page.locator(`#${await input.getAttribute('aria-controls')} [role=option]`).first();
  const label = await option.textContent();
  await option.click();
  await expect.poll(() => input.inputValue()).toBe(label);
}
