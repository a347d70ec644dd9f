// The CLI loads only the module of the command it is given (src/cli/commands/index.ts): each module's
// entry must name exactly the commands it registers, or a command typed by name would not be found.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.ts';
import { COMMAND_MODULES, commandModulesFor } from '../../src/cli/commands/index.ts';

describe('the CLI command table', () => {
  it('names, for every module, the top-level commands it registers', async () => {
    for (const { names, load } of COMMAND_MODULES) {
      const program = new Command();
      (await load()).register(program, {} as CliContext);
      expect(program.commands.map((c) => c.name())).toEqual(names);
    }
  });

  it('loads the named command alone, and every module for help or an unknown word', async () => {
    const screen = await import('../../src/cli/commands/screen.ts');
    expect(await commandModulesFor(['node', 'interdict', 'screen', '--input', 'x.csv'])).toEqual([screen]);
    expect(await commandModulesFor(['node', 'interdict', '--help'])).toHaveLength(COMMAND_MODULES.length);
    expect(await commandModulesFor(['node', 'interdict', 'scren'])).toHaveLength(COMMAND_MODULES.length);
  });
});
