/**
 * The inbox and a case, always through the user's scope (case-scope.ts): a case outside it
 * answers 404 exactly like a case that does not exist, for the list, the detail, a photo, the
 * CSV and a decision.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isStatusOf, parseTrackingCode, validateForm } from '@pls/shared/domain';
import type { AppContext } from '../app-context';
import { answerQuestion, changeCaseStatus } from '../services/cases';
import { claimCase, handOverCase, holderOf } from '../services/case-holder';
import { listUsers } from '../services/users';
import {
  getCaseAttachment,
  getCaseDetail,
  inboxCsv,
  isCaseKind,
  listInbox,
  type InboxFilter,
} from '../services/case-inbox';
import { scopeOf } from './case-scope';
import { actorOf, requireUser } from './console-auth';
import { sendConsoleError, sendServiceError } from './console-reply';

const isTrackingCode = (value: string): boolean => parseTrackingCode(value).ok;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const WORD = /^[a-z_]{2,30}$/;

/** Query string → filter; an unknown value is refused rather than ignored. */
function parseInboxQuery(q: Record<string, unknown>): InboxFilter | string {
  const str = (key: string): string | undefined =>
    typeof q[key] === 'string' && q[key] !== '' ? q[key] : undefined;
  const filter: { -readonly [K in keyof InboxFilter]: InboxFilter[K] } = {};
  const station = str('station');
  if (station !== undefined) {
    if (!SLUG.test(station)) return 'station';
    filter.stationId = station;
  }
  const kind = str('kind');
  if (kind !== undefined) {
    if (!isCaseKind(kind)) return 'kind';
    filter.kind = kind;
  }
  for (const key of ['status', 'category'] as const) {
    const value = str(key);
    if (value === undefined) continue;
    if (!WORD.test(value)) return key;
    filter[key] = value;
  }
  const language = str('language');
  if (language !== undefined) {
    if (language !== 'zh-Hans' && language !== 'mn-Mong') return 'language';
    filter.language = language;
  }
  const overdue = str('overdue');
  if (overdue !== undefined) {
    if (overdue !== 'true' && overdue !== 'false') return 'overdue';
    filter.overdue = overdue === 'true';
  }
  const mine = str('mine');
  if (mine !== undefined && mine !== 'true') return 'mine';
  for (const key of ['limit', 'offset'] as const) {
    const value = str(key);
    if (value === undefined) continue;
    if (!/^\d{1,6}$/.test(value)) return key;
    filter[key] = Number(value);
  }
  return filter;
}

/** Whether `user` may see (and so hold) a case of this station/region: the scope rule again. */
function mayHold(
  user: { role: string; stationId: string | null; regionCode: string | null },
  item: { stationId: string | null; regionCode: string | null },
): boolean {
  if (user.role === 'admin') return true;
  if (user.role === 'station_staff')
    return user.stationId !== null && user.stationId === item.stationId;
  if (user.role === 'reviewer')
    return user.regionCode !== null && (item.regionCode ?? '').startsWith(user.regionCode);
  return false;
}

export function registerCaseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const signedIn = { preHandler: requireUser() };

  /** The case if the user may see it, held by them (claimed now if nobody held it). */
  async function heldCase(request: FastifyRequest, trackingCode: string) {
    const user = request.consoleUser!;
    const visible = isTrackingCode(trackingCode)
      ? await getCaseDetail(ctx.db, scopeOf(user), trackingCode, ctx.now())
      : undefined;
    if (!visible) return { error: 'not_found' as const };
    const holder = await claimCase(ctx.db, trackingCode, user, actorOf(request));
    if (holder && holder.userId !== user.id) return { error: 'held' as const, holder };
    return { visible };
  }

  app.post('/cases/:trackingCode/hold', signedIn, async (request, reply) => {
    const { trackingCode } = request.params as { trackingCode: string };
    const held = await heldCase(request, trackingCode);
    if (held.error === 'not_found') return sendConsoleError(reply, 'not_found', 'no such case');
    return { holder: held.error === 'held' ? held.holder : await holderOf(ctx.db, trackingCode) };
  });

  app.get('/cases/:trackingCode/colleagues', signedIn, async (request, reply) => {
    const { trackingCode } = request.params as { trackingCode: string };
    const visible = isTrackingCode(trackingCode)
      ? await getCaseDetail(ctx.db, scopeOf(request.consoleUser!), trackingCode, ctx.now())
      : undefined;
    if (!visible) return sendConsoleError(reply, 'not_found', 'no such case');
    const users = (await listUsers(ctx.db)).filter(
      (u) => !u.disabledAt && u.id !== request.consoleUser!.id && mayHold(u, visible.item),
    );
    return { colleagues: users.map((u) => ({ id: u.id, name: u.name, role: u.role })) };
  });

  app.post('/cases/:trackingCode/handover', signedIn, async (request, reply) => {
    const { trackingCode } = request.params as { trackingCode: string };
    const form = validateForm('handOver', request.body);
    if (!form.ok) return sendConsoleError(reply, 'invalid_form', 'check the form', form.error);
    const user = request.consoleUser!;
    const visible = isTrackingCode(trackingCode)
      ? await getCaseDetail(ctx.db, scopeOf(user), trackingCode, ctx.now())
      : undefined;
    if (!visible) return sendConsoleError(reply, 'not_found', 'no such case');
    const handed = await handOverCase(
      ctx.db,
      {
        trackingCode,
        from: user,
        toUserId: form.value.toUserId,
        note: form.value.note,
        mayHold: (target) => mayHold(target, visible.item),
      },
      actorOf(request),
    );
    if (!handed.ok) return sendServiceError(reply, handed.error);
    return { holder: handed.value };
  });

  app.get('/cases', signedIn, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const filter = parseInboxQuery(query);
    if (typeof filter === 'string')
      return sendConsoleError(reply, 'bad_request', `bad filter: ${filter}`);
    const user = request.consoleUser!;
    return listInbox(
      ctx.db,
      scopeOf(user),
      query['mine'] === 'true' ? { ...filter, heldBy: user.id } : filter,
      ctx.now(),
    );
  });

  app.get('/cases.csv', signedIn, async (request, reply) => {
    const filter = parseInboxQuery(request.query as Record<string, unknown>);
    if (typeof filter === 'string')
      return sendConsoleError(reply, 'bad_request', `bad filter: ${filter}`);
    const csv = await inboxCsv(ctx.db, scopeOf(request.consoleUser!), filter, ctx.now());
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="cases.csv"')
      .send(csv);
  });

  app.get('/cases/:trackingCode', signedIn, async (request, reply) => {
    const { trackingCode } = request.params as { trackingCode: string };
    if (!isTrackingCode(trackingCode))
      return sendConsoleError(reply, 'bad_request', 'not a tracking code');
    const detail = await getCaseDetail(
      ctx.db,
      scopeOf(request.consoleUser!),
      trackingCode,
      ctx.now(),
    );
    if (!detail) return sendConsoleError(reply, 'not_found', 'no such case');
    return reply.header('cache-control', 'no-store').send(detail);
  });

  app.get('/cases/:trackingCode/attachments/:attachmentId', signedIn, async (request, reply) => {
    const { trackingCode, attachmentId } = request.params as Record<string, string>;
    if (!isTrackingCode(trackingCode ?? '') || !attachmentId || attachmentId.length > 64)
      return sendConsoleError(reply, 'bad_request', 'bad photo address');
    const file = await getCaseAttachment(
      ctx.db,
      scopeOf(request.consoleUser!),
      trackingCode!,
      attachmentId,
      ctx.now(),
    );
    if (!file) return sendConsoleError(reply, 'not_found', 'no such photo');
    return reply.type(file.mimeType).header('cache-control', 'private, no-store').send(file.bytes);
  });

  app.post('/cases/:trackingCode/status', signedIn, async (request, reply) => {
    const { trackingCode } = request.params as { trackingCode: string };
    const form = validateForm('caseStatus', request.body);
    if (!form.ok) return sendConsoleError(reply, 'invalid_form', 'check the form', form.error);
    const held = await heldCase(request, trackingCode);
    if (held.error === 'not_found') return sendConsoleError(reply, 'not_found', 'no such case');
    if (held.error === 'held')
      return sendConsoleError(reply, 'held', `held by ${held.holder.name}: ask them to hand it on`);
    const visible = held.visible;
    if (!isStatusOf(visible.item.caseKind, form.value.status))
      return sendConsoleError(reply, 'invalid_form', 'unknown status', [
        { path: '/status', message: 'unknown' },
      ]);
    const actor = actorOf(request);
    const changed = await changeCaseStatus(
      ctx.db,
      {
        trackingCode,
        status: form.value.status,
        expectedStatus: form.value.expectedStatus,
        staffName: actor.name,
        ...(actor.address ? { address: actor.address } : {}),
        ...(form.value.reason !== undefined ? { reason: form.value.reason } : {}),
        ...(form.value.language ? { language: form.value.language } : {}),
      },
      ctx.now(),
    );
    if (!changed.ok) return sendServiceError(reply, changed.error);
    // Wake the device's SSE stream now rather than at its next poll.
    if (changed.value.lastSeq !== null)
      ctx.feed.noteCommitted('case_updates', changed.value.lastSeq);
    return { case: changed.value.case };
  });

  app.post('/cases/:trackingCode/answer', signedIn, async (request, reply) => {
    const { trackingCode } = request.params as { trackingCode: string };
    const form = validateForm('answer', request.body);
    if (!form.ok) return sendConsoleError(reply, 'invalid_form', 'check the form', form.error);
    const held = await heldCase(request, trackingCode);
    if (held.error === 'not_found') return sendConsoleError(reply, 'not_found', 'no such case');
    if (held.error === 'held')
      return sendConsoleError(reply, 'held', `held by ${held.holder.name}: ask them to hand it on`);
    const actor = actorOf(request);
    const answered = await answerQuestion(
      ctx.db,
      {
        trackingCode,
        text: form.value.text,
        language: form.value.language,
        expectedStatus: form.value.expectedStatus,
        staffName: actor.name,
        ...(actor.address ? { address: actor.address } : {}),
      },
      ctx.now(),
    );
    if (!answered.ok) return sendServiceError(reply, answered.error);
    if (answered.value.lastSeq !== null)
      ctx.feed.noteCommitted('case_updates', answered.value.lastSeq);
    return { case: answered.value.case };
  });
}
