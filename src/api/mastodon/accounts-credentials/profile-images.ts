import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { DEFAULT_AVATAR_PNG, DEFAULT_HEADER_PNG } from '../../../accounts/default-images.js';
import { mimeTypeOf, profileImageFile } from '../../../accounts/profile-images.js';
import { notFound } from '../../errors.js';

/** Serves stored avatars and headers, and the default images of accounts without them. */
export async function registerProfileImageRoute(app: FastifyInstance, ctx: AppContext): Promise<void> {
  for (const [url, png] of [
    ['/avatars/original/missing.png', DEFAULT_AVATAR_PNG],
    ['/headers/original/missing.png', DEFAULT_HEADER_PNG],
  ] as const) {
    app.get(url, async (_request, reply) =>
      reply.header('content-type', 'image/png').header('cache-control', 'public, max-age=86400').send(png),
    );
  }

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
