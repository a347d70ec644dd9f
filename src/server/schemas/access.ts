// Schemas of the sign-in, user, key and audit routes.
import { Type } from 'typebox';
import { ROLES } from '../../access/roles.ts';
import { Closed, Nullable } from './common.ts';

export const RoleName = Type.Enum([...ROLES]);

export const PrincipalView = Type.Object(
  {
    kind: Type.Enum(['user', 'key', 'cli', 'system', 'anonymous']),
    id: Type.String(),
    name: Type.String(),
    role: RoleName,
    datasets: Nullable(Type.Array(Type.String())),
  },
  Closed,
);

export const Me = Type.Object(
  {
    principal: Nullable(PrincipalView),
    /** Echo it in X-CSRF-Token on every write made with the session cookie. */
    csrf_token: Nullable(Type.String()),
    session_expires_at: Nullable(Type.String()),
    anonymous_read: Type.Boolean(),
  },
  { ...Closed, description: 'Who is signed in (principal null: nobody)' },
);

export const SignInBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 1024 }) }, Closed);
export const LinkBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 1024 }) }, Closed);
export const PasswordBody = Type.Object({ current: Type.String({ minLength: 1, maxLength: 1024 }), password: Type.String({ minLength: 1, maxLength: 1024 }) }, Closed);
export const Done = Type.Object({ ok: Type.Boolean() }, Closed);

export const UserView = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    role: RoleName,
    created_at: Type.String(),
    created_by: Type.String(),
    disabled: Type.Boolean(),
    has_password: Type.Boolean(),
    locked_until: Nullable(Type.String()),
  },
  Closed,
);
export const UserList = Type.Object({ results: Type.Array(UserView) }, Closed);
export const NewUserBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 64 }), role: RoleName }, Closed);
export const UserChangeBody = Type.Object({ role: Type.Optional(RoleName), disabled: Type.Optional(Type.Literal(true)) }, Closed);
export const SignInLink = Type.Object(
  { user: UserView, link: Type.String({ description: 'one-time: shown once, opens the welcome page where the user sets a password' }), expires_at: Type.String() },
  Closed,
);

export const KeyView = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    role: RoleName,
    datasets: Nullable(Type.Array(Type.String())),
    created_at: Type.String(),
    created_by: Type.String(),
    expires_at: Nullable(Type.String()),
    last_used_at: Nullable(Type.String()),
    revoked_at: Nullable(Type.String()),
  },
  Closed,
);
export const KeyList = Type.Object({ results: Type.Array(KeyView) }, Closed);
export const NewKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    role: RoleName,
    datasets: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 })),
    expires_at: Type.Optional(Type.String({ maxLength: 40 })),
  },
  Closed,
);
export const CreatedKey = Type.Object({ key: KeyView, secret: Type.String({ description: 'shown once; send it as Authorization: ApiKey <secret>' }) }, Closed);

export const AuditRecordView = Type.Object(
  {
    seq: Type.Integer(),
    at: Type.String(),
    actor: Type.String(),
    action: Type.String(),
    subject: Type.String(),
    detail: Type.Unknown(),
    prev_hash: Type.String(),
    hash: Type.String(),
  },
  Closed,
);
export const AuditPage = Type.Object({ total: Type.Integer(), results: Type.Array(AuditRecordView) }, Closed);
export const AuditQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ maxLength: 40 })),
    to: Type.Optional(Type.String({ maxLength: 40 })),
    actor: Type.Optional(Type.String({ maxLength: 200 })),
    action: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  Closed,
);
export const AuditVerification = Type.Object(
  {
    ok: Type.Boolean(),
    records: Type.Integer(),
    head: Type.Object({ seq: Type.Integer(), hash: Type.String() }, Closed),
    problems: Type.Array(Type.Object({ seq: Type.Integer(), kind: Type.String(), message: Type.String() }, Closed)),
  },
  Closed,
);
export const AuditExportQuery = Type.Object(
  { from: Type.Optional(Type.String({ maxLength: 40 })), to: Type.Optional(Type.String({ maxLength: 40 })), format: Type.Optional(Type.Enum(['jsonl', 'csv'])) },
  Closed,
);
