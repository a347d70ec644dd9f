// What every CLI command gets: configuration, a lazily opened store, and output helpers.
import type { Config } from '../config.ts';
import type { Store } from '../store/types.ts';

export interface CliContext {
  config: Config;
  /** Opens (and migrates) the store on first use; closed by main after the command. */
  store(): Promise<Store>;
  out(text: string): void;
  err(text: string): void;
}
