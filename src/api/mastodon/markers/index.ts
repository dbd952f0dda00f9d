import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { getMarkers, saveMarkers, MARKER_TIMELINES, type MarkerTimeline } from '../../../accounts/markers.js';
import { requireUser } from '../../auth.js';
import { parseInput, zId, zList } from '../../params.js';
import { serializeMarkers } from '../../serializers/marker.js';

const Position = z.object({ last_read_id: zId });
const SaveBody = z.object({ home: Position.optional(), notifications: Position.optional() });

/** GET and POST /api/v1/markers: read positions of the home and notifications timelines. */
export async function registerMarkerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/markers', async (request) => {
    const auth = requireUser(request, 'read:statuses');
    const query = parseInput(z.object({ timeline: zList(z.string()).optional() }), request.query);
    // Unknown timeline names are ignored, as on Mastodon.
    const timelines = (query.timeline ?? []).filter((t): t is MarkerTimeline => (MARKER_TIMELINES as readonly string[]).includes(t));
    return serializeMarkers(await getMarkers(ctx, auth.account.id, timelines));
  });

  app.post('/api/v1/markers', async (request) => {
    const auth = requireUser(request, 'write:statuses');
    const body = parseInput(SaveBody, request.body);
    const positions: Partial<Record<MarkerTimeline, number>> = {};
    if (body.home) positions.home = body.home.last_read_id;
    if (body.notifications) positions.notifications = body.notifications.last_read_id;
    return serializeMarkers(await saveMarkers(ctx, auth.account.id, positions));
  });
}
