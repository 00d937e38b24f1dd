import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/outside.ts';

export const GET: APIRoute = ({ site }) => new Response(robotsTxt(import.meta.env.BASE_URL, site), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
