import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import {
  publicSurvey,
  survey,
  surveyInput,
  surveyLink,
  surveyLinkInput,
  surveyLinkList,
  surveyLinkOptions,
  surveyLinkParams,
  surveyList,
  surveyListQuery,
  surveyResponseInput,
  surveyResults,
  surveyResultsQuery,
  surveyStatusInput,
  surveyTokenParams,
  surveyUpdateInput,
} from '../../../core/schemas/survey.schema.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import { attachment } from '../attendance/attendance-export.ts';
import { resultsFile } from './survey-export.ts';
import * as service from './surveys.service.ts';

const changeResponses = { 200: survey, ...errorResponses, 409: errorResponse };

// Generous: a whole class may answer at once from one school network, behind one address.
const answersPerAddress = { max: 300, timeWindow: '15 minutes' };

export function surveyRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/surveys',
      {
        schema: {
          tags: ['surveys'],
          summary: "Satisfaction surveys of the programmes run at the user's centres, newest first",
          querystring: surveyListQuery,
          response: { 200: surveyList, ...errorResponses },
        },
      },
      async (request) => service.list(db, actorOf(request), request.query),
    );
    app.post(
      '/surveys',
      {
        schema: {
          tags: ['surveys'],
          summary: 'Build a draft survey: title and questions in Swedish and the other languages offered',
          body: surveyInput,
          response: { 201: survey, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.create(db, actorOf(request), request.body)),
    );
    app.get(
      '/surveys/:id',
      {
        schema: {
          tags: ['surveys'],
          summary: 'One survey with its questions',
          params: idParams,
          response: { 200: survey, ...errorResponses },
        },
      },
      async (request) => service.get(db, actorOf(request), request.params.id),
    );
    app.put(
      '/surveys/:id',
      {
        schema: {
          tags: ['surveys'],
          summary:
            'Change title, languages and questions; 409 if someone else saved since `version`. An answered question keeps its kind and stays',
          params: idParams,
          body: surveyUpdateInput,
          response: changeResponses,
        },
      },
      async (request) => service.update(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/surveys/:id/open',
      {
        schema: {
          tags: ['surveys'],
          summary: 'Open a draft or closed survey for answers',
          params: idParams,
          body: surveyStatusInput,
          response: changeResponses,
        },
      },
      async (request) => service.open(db, actorOf(request), request.params.id, request.body.version),
    );
    app.post(
      '/surveys/:id/close',
      {
        schema: {
          tags: ['surveys'],
          summary: 'Stop taking answers; the results stay',
          params: idParams,
          body: surveyStatusInput,
          response: changeResponses,
        },
      },
      async (request) => service.close(db, actorOf(request), request.params.id, request.body.version),
    );
    app.get(
      '/surveys/:id/link-options',
      {
        schema: {
          tags: ['surveys'],
          summary: "The programme's groups at the user's centres, with their sessions, to make a link for",
          params: idParams,
          response: { 200: surveyLinkOptions, ...errorResponses },
        },
      },
      async (request) => service.linkOptions(db, actorOf(request), request.params.id),
    );
    app.get(
      '/surveys/:id/links',
      {
        schema: {
          tags: ['surveys'],
          summary: "The survey's links for groups at the user's centres, with how many answered through each",
          params: idParams,
          response: { 200: surveyLinkList, ...errorResponses },
        },
      },
      async (request) => service.listLinks(db, actorOf(request), request.params.id),
    );
    app.post(
      '/surveys/:id/links',
      {
        schema: {
          tags: ['surveys'],
          summary: 'A link (and QR code) to answer the survey, for a group or one session of it',
          params: idParams,
          body: surveyLinkInput,
          response: { 201: surveyLink, ...errorResponses, 409: errorResponse },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.createLink(db, actorOf(request), request.params.id, request.body)),
    );
    app.get(
      '/surveys/:id/links/:linkId/qr.svg',
      {
        schema: {
          tags: ['surveys'],
          summary: "The link's public address as a QR code (SVG)",
          params: surveyLinkParams,
          response: { 200: z.string(), ...errorResponses },
        },
      },
      async (request, reply) => {
        // The host and protocol as the client reached us; behind a trusted proxy, its forwarded ones.
        const origin = `${request.protocol}://${request.host}`;
        const { svg } = await service.linkQrCode(
          db,
          actorOf(request),
          request.params.id,
          request.params.linkId,
          origin,
        );
        return reply.type('image/svg+xml; charset=utf-8').send(svg);
      },
    );
    app.get(
      '/surveys/:id/results',
      {
        schema: {
          tags: ['surveys'],
          summary:
            'Results per question, of all answers or those through one link or group; as CSV or XLSX with `format`',
          params: idParams,
          querystring: surveyResultsQuery,
          response: { 200: surveyResults, ...errorResponses, 409: errorResponse },
        },
      },
      async (request, reply) => {
        const results = await service.results(db, actorOf(request), request.params.id, request.query);
        if (request.query.format === 'json') return results;
        const file = await resultsFile(results, request.query.format);
        // A file, not JSON: past the response schema, as the attendance exports are sent.
        return (reply as FastifyReply)
          .header('content-disposition', attachment(file.filename))
          .type(file.mediaType)
          .send(file.content);
      },
    );

    // Answering needs no login and reads no session: an answer must not be linked to anyone.
    app.get(
      '/public/surveys/:token',
      {
        config: { public: true, anonymous: true },
        schema: {
          tags: ['surveys'],
          summary: 'An open survey to answer, in the languages offered (no login; 404 for any other token)',
          params: surveyTokenParams,
          response: { 200: publicSurvey, 400: errorResponse, 404: errorResponse },
        },
      },
      async (request) => service.publicSurvey(db, request.params.token),
    );
    app.post(
      '/public/surveys/:token/responses',
      {
        config: { public: true, anonymous: true, rateLimit: answersPerAddress },
        schema: {
          tags: ['surveys'],
          summary: 'Answer a survey anonymously: only the link, the language and the date are kept',
          params: surveyTokenParams,
          body: surveyResponseInput,
          response: {
            201: z.object({ ok: z.literal(true) }),
            400: errorResponse,
            403: errorResponse,
            404: errorResponse,
            429: errorResponse,
          },
        },
      },
      async (request, reply) => {
        await service.answer(db, request.params.token, request.body);
        return reply.code(201).send({ ok: true });
      },
    );
  };
}
