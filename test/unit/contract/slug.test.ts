import { describe, expect, it } from 'vitest';
import { isSlug } from '../../../contract/slug';

describe('the slug rule', () => {
  it.each(['a', 'cold-brew', '0-9', 'a'.repeat(100)])('accepts %s', (slug) => expect(isSlug(slug)).toBe(true));
  it.each(['', '-x', 'Cold', 'a_b', 'a b', 'a'.repeat(101), 'кофе'])('refuses %j', (slug) => expect(isSlug(slug)).toBe(false));
});
