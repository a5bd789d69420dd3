import type { APIRoute } from 'astro';
import logo from '../../public/favicon.svg?raw';
import { faviconIco } from '../site/favicon.ts';

// Drawn from the logo at build: see site/favicon.ts.
export const GET: APIRoute = () =>
  new Response(faviconIco(logo) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/x-icon' } });
