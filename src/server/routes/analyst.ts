// Analyst edits over HTTP: create entities, add or retract statements. A source citation and an
// evidence grade are required (422 otherwise); nothing is overwritten.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ANALYST_DATASET, AnalystEdits, type ClaimInput } from '../../graph/edits.ts';
import { actorFor } from '../authenticate.ts';
import type { ServerContext } from '../context.ts';
import { PUBLISHER_DATASETS } from '../../ingest/registry.ts';
import { refuseOldNames, withApiNames } from '../param-names.ts';
import { checkWrite, storeAsSeen } from '../visibility.ts';
import { AddedStatements, ANALYST_FIELD_NAMES, CreatedEntity, EDIT_ERRORS, NewEntityBody, StatementsBody } from '../schemas/analyst.ts';

type ClaimFields = { source_document?: string; evidence_grade?: string; locator?: string; claim_date?: string };

function claimOf(body: ClaimFields): ClaimInput {
  return { sourceDocument: body.source_document, evidenceGrade: body.evidence_grade, locator: body.locator, claimDate: body.claim_date };
}

export async function analystRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  /** The edits as the asker sees the entities (an id only hidden workspaces hold is unknown to it). */
  const editsFor = async (req: FastifyRequest) => new AnalystEdits(await storeAsSeen(req, ctx.store), PUBLISHER_DATASETS);
  const preValidation = refuseOldNames(ANALYST_FIELD_NAMES, ['statements']);

  app.post(
    '/entities',
    {
      schema: {
        summary: 'Create an entity or relationship (FtM schema, or ArmsTransfer) with its source and grade',
        tags: ['analyst'],
        body: NewEntityBody,
        response: { 201: CreatedEntity, ...EDIT_ERRORS },
      },
      preValidation,
    },
    async (req, reply) => {
      const body = req.body;
      await checkWrite(req, ctx.store, body.dataset ?? ANALYST_DATASET);
      const input = { schema: body.schema, id: body.id, properties: body.properties, dataset: body.dataset, ...claimOf(body) };
      const author = await editsFor(req);
      const result = await withApiNames(ANALYST_FIELD_NAMES, () => author.createEntity(input, actorFor(req)));
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/statements',
    {
      schema: {
        summary: 'Add, correct or retract values, relationships and claims; corrections and retractions are new statements',
        tags: ['analyst'],
        body: StatementsBody,
        response: { 201: AddedStatements, ...EDIT_ERRORS },
      },
      preValidation,
    },
    async (req, reply) => {
      const body = req.body;
      await checkWrite(req, ctx.store, body.dataset ?? ANALYST_DATASET);
      const inputs = (body.statements ?? []).map((s) => ({ entityId: s.entity_id, schema: s.schema, prop: s.prop, value: s.value, lang: s.lang, retract: s.retract, ...claimOf(s) }));
      const author = await editsFor(req);
      const result = await withApiNames(ANALYST_FIELD_NAMES, () => author.addStatements(inputs, body.dataset, actorFor(req)));
      return reply.status(201).send(result);
    },
  );
}
