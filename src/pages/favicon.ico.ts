import type { APIRoute } from 'astro';
import logo from '../../public/favicon.svg?raw';
import { faviconIco } from '../lib/favicon.ts';

// Drawn from the logo at build: see lib/favicon.ts.
export const GET: APIRoute = () =>
  new Response(faviconIco(logo) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/x-icon' } });
