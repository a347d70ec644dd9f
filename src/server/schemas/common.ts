// Schemas every route file shares. Objects are closed (`additionalProperties: false`): the
// serializer writes exactly what the schema names, and the contract test fails on any field a
// handler returns that its schema does not declare.
import { Type, type TSchema } from 'typebox';
import { EVIDENCE_GRADES } from '../../model/grades.ts';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Closed = { additionalProperties: false } as const;

export const EvidenceGrade = Type.Enum([...EVIDENCE_GRADES]);

/** What src/server/errors.ts sends for every 4xx and 5xx. */
export const ErrorBody = Type.Object(
  {
    error: Type.String(),
    /** The same message, under the name yente clients read. */
    detail: Type.Optional(Type.String()),
    status: Type.Integer(),
    field: Type.Optional(Type.String({ description: 'the parameter or body field at fault' })),
  },
  { ...Closed, description: 'An error: a 4xx for the client’s mistakes, 500 otherwise' },
);

/** The error answers every route can give. */
export const ERRORS = { 400: ErrorBody, 404: ErrorBody, 500: ErrorBody } as const;
