import type { FastifyReply } from 'fastify';
import type { ValidationIssue } from '@pls/shared/domain';
import type { ServiceError } from '../errors';
import type { ConsoleErrorBody, ConsoleErrorCode } from './api-types';

const STATUS: Readonly<Record<ConsoleErrorCode, number>> = {
  bad_request: 400,
  invalid_form: 400,
  unauthorized: 401,
  forbidden: 403,
  csrf_invalid: 403,
  not_found: 404,
  conflict: 409,
  held: 409,
  rate_limited: 429,
  internal: 500,
};

export function sendConsoleError(
  reply: FastifyReply,
  code: ConsoleErrorCode,
  message: string,
  issues?: readonly ValidationIssue[],
): FastifyReply {
  const body: ConsoleErrorBody = { error: { code, message, ...(issues ? { issues } : {}) } };
  return reply.code(STATUS[code]).type('application/json; charset=utf-8').send(body);
}

/** A service failure in the console's words (its codes are a subset of the console's). */
export function sendServiceError(reply: FastifyReply, error: ServiceError): FastifyReply {
  const code: ConsoleErrorCode =
    error.code === 'unauthorized' ||
    error.code === 'forbidden' ||
    error.code === 'not_found' ||
    error.code === 'conflict' ||
    error.code === 'rate_limited'
      ? error.code
      : error.code === 'internal' || error.code === 'unavailable'
        ? 'internal'
        : 'bad_request';
  return sendConsoleError(reply, code, error.message);
}
