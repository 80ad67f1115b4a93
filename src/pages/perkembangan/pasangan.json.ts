/** Move counts of every pair of snapshots, for the pair picker on the progress pages (both languages). */
import type { APIRoute } from 'astro';
import { pairMatrix } from '../../lib/progress';
import { progress } from '../../components/progress/data';

export const GET: APIRoute = () =>
	new Response(JSON.stringify(pairMatrix(progress().snapshots)), {
		headers: { 'Content-Type': 'application/json' },
	});
