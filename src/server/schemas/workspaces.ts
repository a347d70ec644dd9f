// Confidential workspaces: who is a member, in which role.
import { Type } from 'typebox';
import { ROLES } from '../../access/roles.ts';
import { Closed } from './common.ts';

const Role = Type.Enum([...ROLES]);

export const WorkspaceMember = Type.Object(
  {
    user_id: Type.String(),
    name: Type.String(),
    role: Role,
    owner: Type.Boolean({ description: 'manages the members' }),
    added_at: Type.String(),
    added_by: Type.String(),
  },
  Closed,
);

export const Workspace = Type.Object(
  {
    id: Type.String({ description: 'the dataset its statements go to, `ws_<slug>`' }),
    title: Type.String(),
    created_at: Type.String(),
    created_by: Type.String(),
    members: Type.Array(WorkspaceMember),
  },
  Closed,
);

export const WorkspaceList = Type.Object({ workspaces: Type.Array(Workspace) }, Closed);

export const NewWorkspaceBody = Type.Object(
  {
    slug: Type.String({ minLength: 1, maxLength: 43, description: 'lowercase letters, digits and _; the dataset is `ws_<slug>`' }),
    title: Type.Optional(Type.String({ maxLength: 200 })),
  },
  Closed,
);

export const MemberBody = Type.Object(
  {
    user: Type.String({ minLength: 1, maxLength: 100, description: 'user name or id' }),
    role: Type.Optional(Type.Enum([...ROLES], { description: 'the role in this workspace (default and at most: the account role)' })),
    owner: Type.Optional(Type.Boolean({ default: false })),
  },
  Closed,
);
