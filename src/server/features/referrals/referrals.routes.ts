import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import {
  referral,
  referralCloseInput,
  referralImportInput,
  referralImportReport,
  referralInput,
  referralList,
  referralListQuery,
  referralMeetingInput,
} from '../../../core/schemas/referral.schema.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import { requestLocale } from '../../plugins/locale.ts';
import { importReferrals } from './referral-import.service.ts';
import * as service from './referrals.service.ts';

export function referralRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/referrals',
      {
        schema: {
          tags: ['referrals'],
          summary: 'The referral inbox: referrals of participants the user may see',
          querystring: referralListQuery,
          response: { 200: referralList, ...errorResponses },
        },
      },
      async (request) => service.list(db, actorOf(request), request.query),
    );
    app.post(
      '/referrals',
      {
        schema: {
          tags: ['referrals'],
          summary: 'Register a referral from the employment service, with a new or known participant',
          body: referralInput,
          response: { 201: referral, ...errorResponses, 409: errorResponse },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.create(db, actorOf(request), request.body)),
    );
    app.post(
      '/referrals/import',
      {
        schema: {
          tags: ['referrals'],
          summary: 'Import a CSV list of referrals; reports each row, keeps the good ones, never duplicates',
          body: referralImportInput,
          response: { 200: referralImportReport, ...errorResponses },
        },
      },
      async (request) => importReferrals(db, actorOf(request), request.body, requestLocale(request)),
    );
    app.get(
      '/referrals/:id',
      {
        schema: {
          tags: ['referrals'],
          summary: 'One referral',
          params: idParams,
          response: { 200: referral, ...errorResponses },
        },
      },
      async (request) => service.get(db, actorOf(request), request.params.id),
    );
    app.post(
      '/referrals/:id/meeting',
      {
        schema: {
          tags: ['referrals'],
          summary: 'Book the information meeting',
          params: idParams,
          body: referralMeetingInput,
          response: { 200: referral, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.bookMeeting(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/referrals/:id/close',
      {
        schema: {
          tags: ['referrals'],
          summary: 'Close a referral as declined or withdrawn',
          params: idParams,
          body: referralCloseInput,
          response: { 200: referral, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.close(db, actorOf(request), request.params.id, request.body),
    );
  };
}
