import type { FastifyInstance } from 'fastify';
import type { HealthResponse } from '@pls/shared/protocol';
import type { AppContext } from '../app-context';

export function registerHealth(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/health', async (): Promise<HealthResponse> => ({
    status: 'ok',
    version: ctx.version,
    database: ctx.db.kind,
    uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000),
    serverTime: new Date().toISOString(),
    openStreams: ctx.feed.subscriberCount,
  }));
}
