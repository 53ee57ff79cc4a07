import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../../../shared/demo/generateNetwork';
import { createEngine } from './engineApi';

describe('engine boundary', () => {
  it('plans an objective against the network it holds, and reports unreadable text as an error', async () => {
    const engine = createEngine();
    await engine.setNetwork(1, generateNetwork({ people: 200, seed: 2026 }));
    const plan = await engine.plan('launch a sustainable product');
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.networkVersion).toBe(1);
    expect(plan.coverage.map((c) => c.skill)).toEqual(plan.forecast.requirements.map((r) => r.skill));
    expect(plan.coverage.find((c) => c.skill === 'circular-design')).toBeDefined();
    const bad = await engine.plan('zzz qqq');
    expect(bad).toEqual({ ok: false, error: expect.stringMatching(/no capability could be inferred/) });
  });
});
