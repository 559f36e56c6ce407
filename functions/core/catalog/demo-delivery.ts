import { deliverySettingsSchema, type DeliverySettings } from '../delivery/delivery-methods';
import type { PricingCurrency } from '../pricing/currencies';
import { ton } from './demo-catalog';
import { demoAmountIn, usd, type DemoAmount } from './demo-prices';

/**
 * The demo shop's delivery methods, seeded with the demo catalog: shipping zones (Iran, Russia, India,
 * the EU), a courier in Tehran, a pickup point, and "sent in the chat" for digital goods. Each fee is
 * written in TON and in US dollars, and priced in the shop's currency as the demo catalog is (demo-prices.ts).
 */
export function demoDeliveryIn(currency: PricingCurrency): DeliverySettings {
  const fee = (amount: DemoAmount) => demoAmountIn(amount, currency).toString();
  return deliverySettingsSchema.parse({
    currency,
    methods: [
      {
        id: 'post',
        kind: 'shipping',
        name: 'Post',
        zones: [
          {
            id: 'iran',
            name: 'Iran',
            countries: ['IR'],
            feeMinor: fee({ ton: ton(1), usdCents: usd(3) }),
            freeAboveMinor: fee({ ton: ton(30), usdCents: usd(90) }),
            estimate: '2–4 days',
          },
          { id: 'russia', name: 'Russia', countries: ['RU'], feeMinor: fee({ ton: ton(2), usdCents: usd(6) }), estimate: '5–8 days' },
          { id: 'india', name: 'India', countries: ['IN'], feeMinor: fee({ ton: ton(2), usdCents: usd(6) }), estimate: '6–10 days' },
          {
            id: 'eu',
            name: 'European Union',
            countries: [
              'AT',
              'BE',
              'BG',
              'HR',
              'CY',
              'CZ',
              'DK',
              'EE',
              'FI',
              'FR',
              'DE',
              'GR',
              'HU',
              'IE',
              'IT',
              'LV',
              'LT',
              'LU',
              'MT',
              'NL',
              'PL',
              'PT',
              'RO',
              'SK',
              'SI',
              'ES',
              'SE',
            ],
            feeMinor: fee({ ton: ton(3), usdCents: usd(9) }),
            freeAboveMinor: fee({ ton: ton(50), usdCents: usd(150) }),
            estimate: '5–9 days',
          },
        ],
      },
      {
        id: 'courier',
        kind: 'courier',
        name: 'Courier in Tehran',
        estimate: 'same day',
        areas: [
          { id: 'north-tehran', name: 'North Tehran', feeMinor: fee({ ton: ton(0, 600), usdCents: usd(1, 80) }) },
          { id: 'central-tehran', name: 'Central Tehran', feeMinor: fee({ ton: ton(0, 400), usdCents: usd(1, 20) }) },
          { id: 'south-tehran', name: 'South Tehran', feeMinor: fee({ ton: ton(0, 500), usdCents: usd(1, 50) }) },
        ],
      },
      {
        id: 'pickup',
        kind: 'pickup',
        name: 'Pick up at the shop',
        points: [
          {
            id: 'grand-bazaar',
            name: 'Grand Bazaar stall 12',
            address: 'Grand Bazaar, 15 Khordad St, Tehran',
            hours: 'Sat–Thu 9:00–18:00',
            mapUrl: 'https://www.openstreetmap.org/?mlat=35.6726&mlon=51.4218#map=18/35.6726/51.4218',
          },
        ],
      },
      { id: 'in-chat', kind: 'none', name: 'Sent in the chat' },
    ],
  });
}

/** The TON demo shop's delivery methods (fees in nanotons, 1 TON = 1000000000). */
export const DEMO_DELIVERY: DeliverySettings = demoDeliveryIn('TON');
