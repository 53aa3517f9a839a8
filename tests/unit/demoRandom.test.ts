// Demo data is reproducible because its randomness is seeded, never Math.random.
import { describe, expect, it } from 'vitest';
import { DemoRandom, hashString } from '../../electron/demo/random';

const draw = (seed: number) => {
  const random = new DemoRandom(seed);
  return Array.from({ length: 20 }, () => random.unit());
};

describe('seeded demo randomness', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draw(2007)).toEqual(draw(2007));
  });

  it('gives a different sequence for another seed', () => {
    expect(draw(2007)).not.toEqual(draw(2008));
  });

  it('stays within [0, 1) and picks integers within bounds', () => {
    const random = new DemoRandom(1);
    for (let i = 0; i < 1000; i++) {
      const u = random.unit();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      const n = random.int(3, 5);
      expect([3, 4, 5]).toContain(n);
    }
  });

  it('gives each objective reference its own stream', () => {
    expect(hashString('2007:2.E.3')).not.toBe(hashString('2007:2.E.4'));
    expect(hashString('2007:2.E.3')).toBe(hashString('2007:2.E.3'));
  });
});
