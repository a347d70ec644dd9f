// What every route plugin gets. Routes are thin: parse input, call one domain function, format output.
import type { Config } from '../config.ts';
import type { Store } from '../store/types.ts';

export interface ServerContext {
  config: Config;
  store: Store;
}
