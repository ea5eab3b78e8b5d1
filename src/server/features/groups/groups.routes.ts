import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  groupDetail,
  groupInput,
  groupList,
  groupListQuery,
  groupMember,
  groupUpdateInput,
  memberInput,
  memberLeaveInput,
  participantGroups,
  proposedActivities,
  session,
  sessionCancelInput,
  sessionUpdateInput,
  weekQuery,
  weekSchedule,
} from '../../../core/schemas/activity.schema.ts';
import { errorResponse, errorResponses, idParams } from '../../../core/schemas/common.ts';
import type { AppDeps } from '../../app.ts';
import { actorOf } from '../../plugins/auth.ts';
import * as service from './groups.service.ts';

export function groupRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/groups',
      {
        schema: {
          tags: ['groups'],
          summary: 'Create a group with its weekly schedule; its sessions are generated, skipping holidays',
          body: groupInput,
          response: { 201: groupDetail, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.create(db, actorOf(request), request.body)),
    );
    app.get(
      '/groups',
      {
        schema: {
          tags: ['groups'],
          summary: "Groups at the actor's centres, by name",
          querystring: groupListQuery,
          response: { 200: groupList, ...errorResponses },
        },
      },
      async (request) => service.list(db, actorOf(request), request.query),
    );
    app.get(
      '/groups/:id',
      {
        schema: {
          tags: ['groups'],
          summary: 'A group with its sessions, the members one may see and the dates skipped',
          params: idParams,
          response: { 200: groupDetail, ...errorResponses },
        },
      },
      async (request) => service.get(db, actorOf(request), request.params.id),
    );
    app.put(
      '/groups/:id',
      {
        schema: {
          tags: ['groups'],
          summary: "Change a group's name, leader and room",
          params: idParams,
          body: groupUpdateInput,
          response: { 200: groupDetail, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.update(db, actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/sessions/week',
      {
        schema: {
          tags: ['groups'],
          summary: 'One ISO week of sessions of a centre, a group, a leader or a participant',
          querystring: weekQuery,
          response: { 200: weekSchedule, ...errorResponses },
        },
      },
      async (request) => service.week(db, actorOf(request), request.query),
    );
    app.put(
      '/sessions/:id',
      {
        schema: {
          tags: ['groups'],
          summary: 'Move a session or record what it covered',
          params: idParams,
          body: sessionUpdateInput,
          response: { 200: session, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.updateSession(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/sessions/:id/cancel',
      {
        schema: {
          tags: ['groups'],
          summary: 'Cancel a session with a reason; refused once attendance is recorded',
          params: idParams,
          body: sessionCancelInput,
          response: { 200: session, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.cancelSession(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/groups/:id/members',
      {
        schema: {
          tags: ['groups'],
          summary: "Add an enrolled participant of the group's centre to the group",
          params: idParams,
          body: memberInput,
          response: { 201: groupMember, ...errorResponses, 409: errorResponse },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.addMember(db, actorOf(request), request.params.id, request.body)),
    );
    app.post(
      '/group-members/:id/leave',
      {
        schema: {
          tags: ['groups'],
          summary: 'Record the last day of a member in the group',
          params: idParams,
          body: memberLeaveInput,
          response: { 200: groupMember, ...errorResponses, 409: errorResponse },
        },
      },
      async (request) => service.leaveGroup(db, actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/participants/:id/groups',
      {
        schema: {
          tags: ['groups'],
          summary: "A participant's groups, current and past",
          params: idParams,
          response: { 200: participantGroups, ...errorResponses },
        },
      },
      async (request) => service.participantGroups(db, actorOf(request), request.params.id),
    );
    app.get(
      '/enrolments/:id/proposed-activities',
      {
        schema: {
          tags: ['groups'],
          summary: "Activities mandatory for the enrolment's target group, with the centre's running groups",
          params: idParams,
          response: { 200: proposedActivities, ...errorResponses },
        },
      },
      async (request) => service.proposedActivities(db, actorOf(request), request.params.id),
    );
  };
}
