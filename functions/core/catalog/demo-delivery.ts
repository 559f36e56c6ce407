import { deliverySettingsSchema, type DeliverySettings } from '../delivery/delivery-methods';

/**
 * The demo shop's delivery methods, seeded with the demo catalog: shipping zones (Iran, Russia, India,
 * the EU), a courier in Tehran, a pickup point, and "sent in the chat" for digital goods. Fees in
 * nanotons (1 TON = 1000000000).
 */
export const DEMO_DELIVERY: DeliverySettings = deliverySettingsSchema.parse({
  methods: [
    {
      id: 'post',
      kind: 'shipping',
      name: 'Post',
      zones: [
        { id: 'iran', name: 'Iran', countries: ['IR'], feeMinor: '1000000000', freeAboveMinor: '30000000000', estimate: '2–4 days' },
        { id: 'russia', name: 'Russia', countries: ['RU'], feeMinor: '2000000000', estimate: '5–8 days' },
        { id: 'india', name: 'India', countries: ['IN'], feeMinor: '2000000000', estimate: '6–10 days' },
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
          feeMinor: '3000000000',
          freeAboveMinor: '50000000000',
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
        { id: 'north-tehran', name: 'North Tehran', feeMinor: '600000000' },
        { id: 'central-tehran', name: 'Central Tehran', feeMinor: '400000000' },
        { id: 'south-tehran', name: 'South Tehran', feeMinor: '500000000' },
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
