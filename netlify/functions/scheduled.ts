// Netlify scheduled function: every minute, the scheduled jobs (payments, order expiry, notifications).
import { createNetlifyScheduledEntry } from '../../functions/platforms/netlify';

export default createNetlifyScheduledEntry();

export const config = {
  schedule: '* * * * *',
};
