import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { mimeTypeOf, profileImageFile } from '../../../accounts/profile-images.js';
import { notFound } from '../../errors.js';

/** GET /system/accounts/:kind/:accountId/:file: serves stored avatars and headers. */
export async function registerProfileImageRoute(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/system/accounts/:kind/:accountId/:file', async (request, reply) => {
    const p = z.object({ kind: z.string(), accountId: z.string(), file: z.string() }).parse(request.params);
    const file = profileImageFile(ctx.config, p.kind, p.accountId, p.file);
    const type = mimeTypeOf(p.file);
    if (!file || !type) throw notFound();
    const stat = await fs.promises.stat(file).catch(() => null);
    if (!stat?.isFile()) throw notFound();
    // File names are random and never reused, so they can be cached for good.
    return reply
      .header('content-type', type)
      .header('content-length', String(stat.size))
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(fs.createReadStream(file));
  });
}
