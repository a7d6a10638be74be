import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.serverless/',
      '.esbuild/',
      'coverage/',
      '.local-data/',
      'bench-results/',
      '*.config.js',
      '*.config.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true },
      ],
      'max-len': [
        'error',
        {
          code: 100,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreUrls: true,
          ignoreRegExpLiterals: true,
        },
      ],
      // One zod in every bundle: the small build. A single import of the
      // classic one would bring its 90 KB back into a function.
      'no-restricted-imports': [
        'error',
        {
          paths: ['zod', 'zod/v4', 'zod/v3'].map((name) => ({
            name,
            message:
              'Import zod/mini, and src/validation/english-messages for ' +
              'the English messages of its issues.',
          })),
          patterns: [
            {
              group: ['zod/v4/classic', 'zod/v4/classic/*'],
              message: 'Import zod/mini.',
            },
          ],
        },
      ],
    },
  },
  {
    // Plain Node scripts (npm's pretest) outside any tsconfig: the
    // recommended rules, without the type-aware ones.
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Tests read parsed JSON and mock results, where a non-null assertion
      // after an explicit expect() is the clearest way to say "present".
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
