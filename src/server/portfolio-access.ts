// Portfolios in confidential workspaces (issue 13): a portfolio, its records and its alerts are seen by
// the workspace's members only; to everyone else they do not exist (the same 404 as an unknown id).
import type { FastifyRequest } from 'fastify';
import { ConflictError, NotFoundError } from '../model/errors.ts';
import type { Monitor } from '../monitor/monitor.ts';
import type { Store } from '../store/types.ts';
import { checkWrite, seesFor } from './visibility.ts';

export class PortfolioAccess {
  constructor(
    private readonly monitor: Monitor,
    private readonly store: Store,
  ) {}

  /** Whether the reader sees a workspace's portfolios (null: a shared portfolio, seen by all). */
  private async sees(req: FastifyRequest, workspace: string | null): Promise<boolean> {
    if (workspace === null) return true;
    const sees = await seesFor(req, this.store);
    return sees === null || sees(workspace);
  }

  async portfolios(req: FastifyRequest) {
    const sees = await seesFor(req, this.store);
    return this.monitor.portfolios(sees ?? undefined);
  }

  /** Workspaces whose alerts the reader may not see (for the inbox's query). */
  async hiddenWorkspaces(req: FastifyRequest): Promise<string[]> {
    const sees = await seesFor(req, this.store);
    if (sees === null) return [];
    return (await this.monitor.portfolioWorkspaces()).filter((w) => !sees(w));
  }

  /**
   * May the request upload to this portfolio (into `workspace` when it is new)? Answers the workspace to
   * create it in. A portfolio the reader cannot see answers as a name taken, saying nothing of where.
   */
  async uploadTarget(req: FastifyRequest, name: string, workspace: string | undefined): Promise<string | null | undefined> {
    const existing = await this.monitor.portfolioWorkspace(name);
    if (existing === undefined) {
      if (workspace) await checkWrite(req, this.store, workspace);
      return workspace ?? null;
    }
    if (!(await this.sees(req, existing)) || (workspace !== undefined && workspace !== existing)) throw new ConflictError(`the portfolio "${name}" exists elsewhere: choose another name`);
    if (existing) await checkWrite(req, this.store, existing);
    return undefined;
  }

  /** Refuses (404, as for an unknown portfolio) one the reader cannot see; `write`: needs a workspace analyst too. */
  async checkPortfolio(req: FastifyRequest, name: string, write = false): Promise<void> {
    const workspace = await this.monitor.portfolioWorkspace(name);
    if (workspace === undefined || !(await this.sees(req, workspace))) throw new NotFoundError(`no portfolio "${name}"`);
    if (write && workspace) await checkWrite(req, this.store, workspace);
  }

  /** Refuses (404, as for an unknown alert) one the reader cannot see; `write`: needs a workspace analyst too. */
  async checkAlert(req: FastifyRequest, id: string, write = false): Promise<void> {
    const workspace = await this.monitor.alertWorkspace(id);
    if (workspace === undefined || !(await this.sees(req, workspace))) throw new NotFoundError(`no alert ${id}`);
    if (write && workspace) await checkWrite(req, this.store, workspace);
  }
}
