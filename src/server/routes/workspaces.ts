// Confidential workspaces: create one (its creator becomes its owner), list one's own, manage members.
// A workspace is named in paths by its id; names are for people and the `?workspace=` of other routes.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Principal } from '../../access/accounts.ts';
import { AuthenticationError, ValidationError } from '../../model/errors.ts';
import type { ServerContext } from '../context.ts';
import { ERRORS } from '../schemas/common.ts';
import { MemberBody, NewWorkspaceBody, Workspace, WorkspaceList } from '../schemas/workspaces.ts';
import { workspacesFor } from '../visibility.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new AuthenticationError('sign in, or send an API key (Authorization: ApiKey idk_…)');
  return req.principal;
}

export async function workspaceRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const workspaces = workspacesFor(ctx.store);

  app.get('/workspaces', { schema: { summary: 'The workspaces one is a member of (an admin: all of them)', tags: ['access'], response: { 200: WorkspaceList, ...ERRORS } } }, async (req) => ({
    workspaces: await workspaces.list(principalOf(req)),
  }));

  app.post(
    '/workspaces',
    {
      schema: {
        summary: 'Create a confidential workspace with an id the server chooses; its creator becomes its owner. Names need not be unique, so this never answers that one exists',
        tags: ['access'],
        body: NewWorkspaceBody,
        response: { 201: Workspace, ...ERRORS },
      },
    },
    async (req, reply) => {
      const name = req.body.name ?? req.body.title ?? req.body.slug;
      if (name === undefined) throw new ValidationError('name', 'name the workspace');
      return reply.status(201).send(await workspaces.create({ name }, principalOf(req)));
    },
  );

  app.get(
    '/workspaces/:id',
    { schema: { summary: 'A workspace and its members (for its members and admins)', tags: ['access'], params: IdParams, response: { 200: Workspace, ...ERRORS } } },
    async (req) => workspaces.get(req.params.id, principalOf(req)),
  );

  app.post(
    '/workspaces/:id/members',
    { schema: { summary: 'Add a member or change a member\'s role (admins and owners)', tags: ['access'], params: IdParams, body: MemberBody, response: { 200: Workspace, ...ERRORS } } },
    async (req) => workspaces.setMember(req.params.id, req.body, principalOf(req)),
  );

  app.delete(
    '/workspaces/:id/members/:user',
    {
      schema: {
        summary: 'Remove a member (admins and owners)',
        tags: ['access'],
        params: Type.Object({ id: Type.String({ maxLength: 100 }), user: Type.String({ maxLength: 100 }) }),
        response: { 200: Workspace, ...ERRORS },
      },
    },
    async (req) => workspaces.removeMember(req.params.id, req.params.user, principalOf(req)),
  );
}
