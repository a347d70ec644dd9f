// A workspace's name for display: ids are opaque (ws_ + random), so pages show the name the workspace
// was given, over the ids of the workspaces the user belongs to (an admin: all of them).
import { workspacesApi } from '../api/workspaces.ts';
import { useApi } from '../lib/useApi.ts';

export function useWorkspaceTitles(): (id: string | null | undefined) => string {
  const workspaces = useApi((signal) => workspacesApi.list(signal), []);
  const titles = new Map((workspaces.data ?? []).map((w) => [w.id, w.title]));
  return (id) => (id ? (titles.get(id) ?? id) : 'shared');
}
