/**
 * Gives zod's issues their English messages ("Invalid input: expected
 * string, received undefined"). `zod/mini` ships without them, so every
 * issue would read "Invalid input"; yet those messages reach people: the
 * staff API's 400 answers, a configuration error naming the variable, the
 * problems found in a response to Chime.
 *
 * Every module that builds zod schemas imports this one for its effect, so
 * that no schema can be parsed before the messages are set. English comes
 * from `zod/locales` alone: `z.locales` would bundle every language.
 */
import { en } from 'zod/locales';
import * as z from 'zod/mini';

z.config(en());
