/**
 * Writes src/bot/bot-resources.json, the voice bot's CloudFormation
 * resources, from the bot definition and the restaurant's menu file;
 * serverless.yml includes it. Run it after changing either:
 *
 *   npm run bot:build              write the file
 *   npm run bot:build -- --check   exit 1 when the file is stale
 *
 * tests/bot/bot-resources.test.ts fails while the committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { botResources, type CloudFormationResource } from './bot-resources';
import { orderBotDefinition } from './definition';
import { parseMenu } from '../menu/menu-schema';
import sampleMenu from '../menu/sample-menu.json';

/** Where serverless.yml reads the bot's resources from. */
export const BOT_RESOURCES_FILE = resolve(__dirname, './bot-resources.json');

/**
 * The code hook's logical id: the framework names a function's resource
 * after its key in serverless.yml (`lexHook`).
 */
export const HOOK_FUNCTION_LOGICAL_ID = 'LexHookLambdaFunction';

/** The resources the file should hold, from today's definition and menu. */
export function currentBotResources(): Record<string, CloudFormationResource> {
  const definition = orderBotDefinition(parseMenu(sampleMenu));

  return botResources(definition, {
    hookFunctionLogicalId: HOOK_FUNCTION_LOGICAL_ID,
    sipMediaApplicationLogicalId: 'SipMediaApplication',
  });
}

/** The file's content: the resources as JSON, formatted as Prettier does. */
async function renderBotResources(): Promise<string> {
  // Loaded here only: Prettier's plugins load with import(), which a test
  // runner reading this module for currentBotResources need not support.
  const { format, resolveConfig } = await import('prettier');
  const options = await resolveConfig(BOT_RESOURCES_FILE);

  return format(JSON.stringify(currentBotResources()), {
    ...options,
    filepath: BOT_RESOURCES_FILE,
  });
}

async function main(check: boolean): Promise<number> {
  const content = await renderBotResources();
  const current = readFileSync(BOT_RESOURCES_FILE, {
    encoding: 'utf8',
    flag: 'a+',
  });
  if (check) {
    if (current === content) return 0;
    process.stderr.write(
      `${BOT_RESOURCES_FILE} is stale: run npm run bot:build\n`,
    );
    return 1;
  }
  writeFileSync(BOT_RESOURCES_FILE, content);
  process.stdout.write(`wrote ${BOT_RESOURCES_FILE}\n`);

  return 0;
}

if (require.main === module) {
  main(process.argv.includes('--check')).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
