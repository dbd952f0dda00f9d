import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { parseInput, zId } from '../params.js';
import { loadModerationSettings } from '../../moderation/settings/instance-settings.js';
import { addScreeningRule, removeScreeningRule, updateModerationSettings } from '../../moderation/settings/screening-policy.js';
import { requireAdmin, requireModerator } from './moderator-auth.js';

const RuleBody = z.object({
  lang: z.string().nullable().optional().default(null),
  kind: z.string(),
  pattern: z.string(),
  action: z.string(),
});

const SettingsBody = z.object({
  deadline_minutes: z.object({ violent: z.coerce.number().int().min(1).max(10_080).optional(), general: z.coerce.number().int().min(1).max(43_200).optional() }).optional(),
  retention_days: z.coerce.number().int().min(1).max(3650).optional(),
  appeal_window_days: z.coerce.number().int().min(1).max(365).optional(),
  alert_webhook_url: z.string().max(2000).nullable().optional(),
  screening_thresholds: z.object({ review: z.coerce.number().optional(), hold: z.coerce.number().optional() }).optional(),
  jury_quorum: z.coerce.number().int().min(1).max(101).optional(),
  strike_escalation: z
    .array(z.object({ at: z.coerce.number().int().min(1).max(1000), action: z.enum(['silence', 'suspend']), duration_days: z.coerce.number().int().min(1).max(3650).optional() }))
    .max(10)
    .optional(),
});

/** Admin-defined screening rules and moderation settings (Parley extensions). */
export async function registerScreeningAdminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/admin/screening_rules', async (request) => {
    requireModerator(request, 'admin:read');
    return ctx.screeningPolicy.rules;
  });

  app.post('/api/v1/admin/screening_rules', async (request) => {
    const admin = requireAdmin(request, 'admin:write');
    return addScreeningRule(ctx, admin, parseInput(RuleBody, request.body));
  });

  app.delete('/api/v1/admin/screening_rules/:id', async (request) => {
    const admin = requireAdmin(request, 'admin:write');
    const { id } = parseInput(z.object({ id: zId }), request.params);
    await removeScreeningRule(ctx, admin, id);
    return {};
  });

  app.get('/api/v1/admin/moderation_settings', async (request) => {
    requireModerator(request, 'admin:read');
    return present(await loadModerationSettings(ctx.database.db));
  });

  app.patch('/api/v1/admin/moderation_settings', async (request) => {
    const admin = requireAdmin(request, 'admin:write');
    const body = parseInput(SettingsBody, request.body);
    const settings = await updateModerationSettings(ctx, admin, {
      ...(body.deadline_minutes ? { deadlineMinutes: body.deadline_minutes as never } : {}),
      ...(body.retention_days !== undefined ? { retentionDays: body.retention_days } : {}),
      ...(body.appeal_window_days !== undefined ? { appealWindowDays: body.appeal_window_days } : {}),
      ...(body.alert_webhook_url !== undefined ? { alertWebhookUrl: body.alert_webhook_url } : {}),
      ...(body.screening_thresholds ? { screeningThresholds: body.screening_thresholds } : {}),
      ...(body.jury_quorum !== undefined ? { juryQuorum: body.jury_quorum } : {}),
      ...(body.strike_escalation
        ? { strikeEscalation: body.strike_escalation.map((s) => ({ at: s.at, action: s.action, ...(s.duration_days ? { durationDays: s.duration_days } : {}) })) }
        : {}),
    });
    return present(settings);
  });
}

function present(s: Awaited<ReturnType<typeof loadModerationSettings>>) {
  return {
    deadline_minutes: s.deadlineMinutes,
    retention_days: s.retentionDays,
    appeal_window_days: s.appealWindowDays,
    alert_webhook_url: s.alertWebhookUrl,
    screening_thresholds: s.screeningThresholds,
    jury_quorum: s.juryQuorum,
    strike_escalation: s.strikeEscalation.map((x) => ({ at: x.at, action: x.action, duration_days: x.durationDays ?? null })),
  };
}
