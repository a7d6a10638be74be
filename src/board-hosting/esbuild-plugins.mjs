/**
 * serverless-esbuild's plugins file (`custom.esbuild.plugins` in
 * serverless.yml): it is loaded with require(), which takes an ES module
 * on the Node versions osls runs on (^20.19, ^22.13, 24), and tsx loads the
 * TypeScript plugin, so the package step compiles the board with the same
 * code as the local board server.
 */
import { require as requireTypeScript } from 'tsx/cjs/api';

const { embedBoardPlugin } = requireTypeScript(
  './embed-board-plugin.ts',
  import.meta.url,
);

export default () => [embedBoardPlugin()];
