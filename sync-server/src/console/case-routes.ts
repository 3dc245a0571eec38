/**
 * The inbox and a case, always through the user's scope (case-scope.ts): a case outside it
 * answers 404 exactly like a case that does not exist, for the list, the detail, a photo, the
 * CSV and a decision.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  isStatusOf,
  parseTrackingCode,
  validateForm,
  type ConsoleForms,
  type Result,
  type ValidationIssue,
} from '@pls/shared/domain';
import type { AppContext } from '../app-context';
import type { ServiceError } from '../errors';
import {
  answerQuestion,
  approveAndAssign,
  changeCaseStatus,
  type CaseRecord,
} from '../services/cases';
import { listLawyers, rankLawyersFor } from '../services/lawyers';
import { decisionLetterOf } from '../services/decision-letter';
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
import type { CaseDetail } from './api-types';
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

  /** The case if this user's scope holds it (else undefined, as for no such case). */
  const visibleCase = (request: FastifyRequest, trackingCode: string) =>
    isTrackingCode(trackingCode)
      ? getCaseDetail(ctx.db, scopeOf(request.consoleUser!), trackingCode, ctx.now())
      : Promise.resolve(undefined);

  /** The case if the user may see it, held by them (claimed now if nobody held it). */
  async function heldCase(request: FastifyRequest, trackingCode: string) {
    const user = request.consoleUser!;
    const visible = await visibleCase(request, trackingCode);
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
    const visible = await visibleCase(request, trackingCode);
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
    const visible = await visibleCase(request, trackingCode);
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

  /** The lawyer directory for this case: nearest first, each with its open cases. */
  app.get('/cases/:trackingCode/lawyers', signedIn, async (request, reply) => {
    const { trackingCode } = request.params as { trackingCode: string };
    const visible = await visibleCase(request, trackingCode);
    if (!visible) return sendConsoleError(reply, 'not_found', 'no such case');
    return { lawyers: rankLawyersFor(await listLawyers(ctx.db), visible.item) };
  });

  /** 给予/不予法律援助决定书 as a print spec; the console lays it out on A4 and prints it. */
  app.get('/cases/:trackingCode/letter', signedIn, async (request, reply) => {
    const { trackingCode } = request.params as { trackingCode: string };
    const visible = await visibleCase(request, trackingCode);
    if (!visible) return sendConsoleError(reply, 'not_found', 'no such case');
    const letter = await decisionLetterOf(ctx.db, visible);
    if (!letter.ok)
      return sendConsoleError(
        reply,
        'conflict',
        letter.error === 'notDecided'
          ? 'the case has no decision to write a letter about yet'
          : 'the application lacks what the letter needs',
      );
    return reply.header('cache-control', 'no-store').send({ letter: letter.value });
  });

  /**
   * A decision route: the form checked with its shared schema, the case held by this user
   * (首接负责制), the service run, and the device's stream woken for the new case update.
   */
  function decisionRoute<F extends 'caseStatus' | 'approveAndAssign' | 'answer'>(
    action: string,
    formName: F,
    run: (input: {
      readonly trackingCode: string;
      readonly form: ConsoleForms[F];
      readonly visible: CaseDetail;
      readonly actor: { staffName: string; address?: string };
    }) => Promise<
      | Result<{ case: CaseRecord; lastSeq: number | null }, ServiceError>
      | { readonly invalid: readonly ValidationIssue[] }
    >,
  ): void {
    app.post(`/cases/:trackingCode/${action}`, signedIn, async (request, reply) => {
      const { trackingCode } = request.params as { trackingCode: string };
      const form = validateForm(formName, request.body);
      if (!form.ok) return sendConsoleError(reply, 'invalid_form', 'check the form', form.error);
      const held = await heldCase(request, trackingCode);
      if (held.error === 'not_found') return sendConsoleError(reply, 'not_found', 'no such case');
      if (held.error === 'held')
        return sendConsoleError(
          reply,
          'held',
          `held by ${held.holder.name}: ask them to hand it on`,
        );
      const actor = actorOf(request);
      const done = await run({
        trackingCode,
        form: form.value,
        visible: held.visible,
        actor: { staffName: actor.name, ...(actor.address ? { address: actor.address } : {}) },
      });
      if ('invalid' in done)
        return sendConsoleError(reply, 'invalid_form', 'check the form', done.invalid);
      if (!done.ok) return sendServiceError(reply, done.error);
      // Wake the device's SSE stream now rather than at its next poll.
      if (done.value.lastSeq !== null) ctx.feed.noteCommitted('case_updates', done.value.lastSeq);
      return { case: done.value.case };
    });
  }

  decisionRoute('status', 'caseStatus', async ({ trackingCode, form, visible, actor }) => {
    if (!isStatusOf(visible.item.caseKind, form.status))
      return { invalid: [{ path: '/status', message: 'unknown' }] };
    return changeCaseStatus(
      ctx.db,
      {
        trackingCode,
        status: form.status,
        expectedStatus: form.expectedStatus,
        ...actor,
        ...(form.reason !== undefined ? { reason: form.reason } : {}),
        ...(form.language ? { language: form.language } : {}),
        ...(form.refusalReasons ? { refusalReasons: form.refusalReasons } : {}),
        ...(form.missingMaterials ? { missingMaterials: form.missingMaterials } : {}),
      },
      ctx.now(),
    );
  });

  decisionRoute('assign', 'approveAndAssign', ({ trackingCode, form, actor }) =>
    approveAndAssign(
      ctx.db,
      { trackingCode, lawyerId: form.lawyerId, expectedStatus: form.expectedStatus, ...actor },
      ctx.now(),
    ),
  );

  decisionRoute('answer', 'answer', ({ trackingCode, form, actor }) =>
    answerQuestion(
      ctx.db,
      {
        trackingCode,
        text: form.text,
        language: form.language,
        expectedStatus: form.expectedStatus,
        ...actor,
      },
      ctx.now(),
    ),
  );
}
