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
    id: Type.String({ description: 'the dataset its statements go to, `ws_<id>`: chosen by the server, it says nothing of the name; refer to the workspace by it' }),
    title: Type.String({ description: 'its name, as its creator gave it; not unique (two teams may both call theirs "wagner")' }),
    created_at: Type.String(),
    created_by: Type.String(),
    members: Type.Array(WorkspaceMember),
  },
  Closed,
);

export const WorkspaceList = Type.Object({ workspaces: Type.Array(Workspace) }, Closed);

const WorkspaceName = (description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: 200, description }));

/** One of the three names the workspace; the server chooses its id. Older clients sent `slug` (and `title`). */
export const NewWorkspaceBody = Type.Object(
  {
    name: WorkspaceName('what to call it (any text, not unique); the answer carries the id the server chose'),
    title: WorkspaceName('the same as name (read when name is absent)'),
    slug: WorkspaceName('older clients\' field, read as the name when name and title are absent; it no longer makes the id'),
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
