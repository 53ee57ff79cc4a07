import { describe, expect, it } from 'vitest';
import { countryName, placeLabels } from './placeLabels';

const place = (key: string, city: string, country: string, lat = 0, lon = 0) => ({ key, city, country, lat, lon });

describe('place labels in the map list', () => {
  it('two places of one name are told apart by their country', () => {
    const labels = placeLabels([place('ng', 'Lagos', 'NG', 6.5, 3.4), place('pt', 'Lagos', 'PT', 37.1, -8.7), place('li', 'Lisbon', 'PT')]);
    expect(labels.get('ng')).toBe('Lagos, Nigeria');
    expect(labels.get('pt')).toBe('Lagos, Portugal');
    expect(labels.get('li')).toBe('Lisbon'); // unique: the city alone
  });

  it('the same city and country twice also shows where', () => {
    const labels = placeLabels([place('a', 'Springfield', 'US', 39.8, -89.6), place('b', 'Springfield', 'US', 42.1, -72.6)]);
    expect(labels.get('a')).toBe('Springfield, United States (39.8°N 89.6°W)');
    expect(labels.get('b')).toBe('Springfield, United States (42.1°N 72.6°W)');
    expect(new Set(labels.values()).size).toBe(2);
  });

  it('names a country from its code, and keeps a code it does not know', () => {
    expect(countryName('ng')).toBe('Nigeria');
    expect(countryName('NGA')).toBe('NGA');
    expect(countryName('QQ')).toBe('QQ');
  });
});
