// Vercel Function: every request vercel.json rewrites here (/api/*, /media/*, the manifest) reaches the
// app with its original URL. The work is in functions/platforms/vercel.ts.
import { createVercelEntry } from '../functions/platforms/vercel';

export default createVercelEntry();
