import { describe, expect, it } from 'vitest';
import { parseBotCommand, productSlugFromStartPayload } from '../../../functions/core/bot/bot-command';

describe('parseBotCommand', () => {
  it.each([
    ['/start', { command: 'start', argument: '' }],
    ['/start product_travel-mug', { command: 'start', argument: 'product_travel-mug' }],
    ['  /Orders  ', { command: 'orders', argument: '' }],
    ['/help@bazaar_test_bot', { command: 'help', argument: '' }],
    ['/start@Bazaar_Test_Bot product_x', { command: 'start', argument: 'product_x' }],
    ['/help@another_bot', null],
    ['hello', null],
    ['', null],
    [null, null],
    ['/ start', null],
  ])('reads %j', (text, expected) => {
    expect(parseBotCommand(text, 'bazaar_test_bot')).toEqual(expected);
  });

  it('accepts any addressee when the bot’s username is not configured', () => {
    expect(parseBotCommand('/help@whoever_bot', undefined)).toEqual({ command: 'help', argument: '' });
  });
});

describe('productSlugFromStartPayload', () => {
  it.each([
    ['product_travel-mug', 'travel-mug'],
    ['product_Travel-Mug', 'travel-mug'],
    ['product_', null],
    ['product_-mug', null],
    ['product_mug/../admin', null],
    ['promo_summer', null],
    ['', null],
  ])('reads %j as %j', (payload, slug) => {
    expect(productSlugFromStartPayload(payload)).toBe(slug);
  });
});
