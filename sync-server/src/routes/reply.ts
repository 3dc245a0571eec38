import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody } from '@pls/shared/protocol';
import { statusOf, type ServiceError } from '../errors';

export function sendFailure(reply: FastifyReply, error: ServiceError): FastifyReply {
  const body: ApiErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.rejected ? { rejected: error.rejected } : {}),
      ...(error.revokeReason ? { revokeReason: error.revokeReason } : {}),
    },
  };
  return reply.code(statusOf(error)).type('application/json; charset=utf-8').send(body);
}

/**
 * `Authorization: Bearer <token>`, only ever from the header: a token in a URL would be logged
 * by proxies (the browser's event stream uses a one-time ticket instead, routes/stream.ts).
 */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (match) return match[1];
  }
  return undefined;
}

/** The URL with the values of `token` and `ticket` replaced, for logs. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|ticket)=)[^&#]*/gi, '$1[redacted]');
}
