// Portfolios in confidential workspaces (issue 13): a portfolio, its records and its alerts are seen by
// the workspace's members only; to everyone else they do not exist (the same 404 as an unknown id).
// Names are unique per workspace, so a name is looked up among the portfolios the asker sees.
import type { FastifyRequest } from 'fastify';
import { NotFoundError } from '../model/errors.ts';
import type { Monitor, PortfolioRef } from '../monitor/monitor.ts';
import type { Store } from '../store/types.ts';
import { checkWrite, resolveWorkspace, seesFor } from './visibility.ts';

/** How a request names the shared space (workspace null) where a workspace is asked for. */
export const SHARED = 'shared';

/** A `workspace` parameter as a scope: undefined (not said), null (the shared space) or a workspace. */
export function scopeOf(workspace: string | undefined): string | null | undefined {
  return workspace === SHARED ? null : workspace;
}

export class PortfolioAccess {
  constructor(
    private readonly monitor: Monitor,
    private readonly store: Store,
  ) {}

  private async visible(req: FastifyRequest): Promise<((workspace: string) => boolean) | undefined> {
    return (await seesFor(req, this.store)) ?? undefined;
  }

  /**
   * A `workspace` parameter as a scope: undefined (not said), null (`shared`) or a workspace's id, named
   * by its id or by a name among the asker's own workspaces (src/access/workspaces.ts, `resolve`).
   */
  async scope(req: FastifyRequest, workspace: string | undefined): Promise<string | null | undefined> {
    const scope = scopeOf(workspace);
    return scope ? resolveWorkspace(req, this.store, scope) : scope;
  }

  async portfolios(req: FastifyRequest) {
    return this.monitor.portfolios(await this.visible(req));
  }

  /** Workspaces whose alerts the reader may not see (for the inbox's query). */
  async hiddenWorkspaces(req: FastifyRequest): Promise<string[]> {
    const sees = await seesFor(req, this.store);
    if (sees === null) return [];
    return (await this.monitor.portfolioWorkspaces()).filter((w) => !sees(w));
  }

  /**
   * The workspace (null: shared) an upload to `name` goes to: the portfolio of that name the reader sees
   * (in `workspace` when given), else a new one in `workspace` or the shared space. A portfolio the reader
   * cannot see is never met, so the answer is what it would be without it.
   */
  async uploadTarget(req: FastifyRequest, name: string, workspace: string | undefined): Promise<string | null> {
    const scope = await this.scope(req, workspace);
    const found = await this.monitor.findPortfolio(name, { workspace: scope, visible: await this.visible(req) });
    const target = found ? found.workspace : (scope ?? null);
    if (target) await checkWrite(req, this.store, target);
    return target;
  }

  /** The portfolio a name means to the reader, or 404 as for an unknown one; `write`: needs a workspace analyst too. */
  async checkPortfolio(req: FastifyRequest, name: string, workspace: string | undefined, write = false): Promise<PortfolioRef> {
    const found = await this.monitor.findPortfolio(name, { workspace: await this.scope(req, workspace), visible: await this.visible(req) });
    if (!found) throw new NotFoundError(`no portfolio "${name}"`);
    if (write && found.workspace) await checkWrite(req, this.store, found.workspace);
    return found;
  }

  /** Refuses (404, as for an unknown alert) one the reader cannot see; `write`: needs a workspace analyst too. */
  async checkAlert(req: FastifyRequest, id: string, write = false): Promise<void> {
    const workspace = await this.monitor.alertWorkspace(id);
    if (workspace === undefined || !(await this.sees(req, workspace))) throw new NotFoundError(`no alert ${id}`);
    if (write && workspace) await checkWrite(req, this.store, workspace);
  }

  /** Whether the reader sees a workspace's portfolios (null: a shared portfolio, seen by all). */
  private async sees(req: FastifyRequest, workspace: string | null): Promise<boolean> {
    if (workspace === null) return true;
    const visible = await this.visible(req);
    return !visible || visible(workspace);
  }
}
