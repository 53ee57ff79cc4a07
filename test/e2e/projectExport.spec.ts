import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openApp } from './app';
import { acceptSampleTeam } from './team';

test('a project exports as a JSON file with its name, objective, requirements, constraints and accepted team', async ({ browser }) => {
  const { context, page } = await openApp(browser, { relay: 'off' });
  await acceptSampleTeam(page);
  const roles = await page.getByTestId('requirement').count();
  const objective = await page.getByTestId('project-objective').inputValue();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-project').click()]);
  expect(download.suggestedFilename()).toBe('circular-kettle-launch.json');
  const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(data.format).toBe('archipelago-project');
  expect(data.name).toBe('Circular kettle launch');
  expect(data.objective).toBe(objective);
  expect(data.requirements).toHaveLength(roles);
  expect(data.requirements.map((r: { skill: string }) => r.skill)).not.toContain('ux-research');
  expect(data.constraints).toMatchObject({ pinned: [], banned: [] });
  expect(data.acceptedTeam.members).toHaveLength(roles);
  expect(data.acceptedTeam.members.every((m: { name?: string; role: string }) => m.name && m.role)).toBe(true);
  expect(new Date(data.acceptedTeam.acceptedAt).getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);
  await context.close();
});
