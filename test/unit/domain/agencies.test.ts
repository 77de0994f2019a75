import { describe, expect, it } from 'vitest';
import { slugify } from '../../../shared/domain/agency/agencies';

describe('agency ids made from names', () => {
  it('are lower-case words joined by hyphens', () => {
    expect(slugify('Warwickshire Fire & Rescue')).toBe('warwickshire-fire-rescue');
    expect(slugify("  St. John's  Ambulance ")).toBe('st-john-s-ambulance');
    expect(slugify('Gwasanaeth Tân ac Achub')).toBe('gwasanaeth-tan-ac-achub');
  });
});
