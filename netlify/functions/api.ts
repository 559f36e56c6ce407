// Netlify Function (Functions 2.0): the app's paths; Netlify serves the built Mini App for the rest.
// The work is in functions/platforms/netlify.ts.
import { createNetlifyApiEntry } from '../../functions/platforms/netlify';

export default createNetlifyApiEntry();

// Netlify reads this statically: a literal, kept equal to APP_PATH_PATTERNS by the platform tests.
export const config = {
  path: ['/api/*', '/media/*', '/tonconnect-manifest.json', '/manifest.webmanifest'],
};
