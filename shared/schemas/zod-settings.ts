import * as z from 'zod/mini';
import { en } from 'zod/locales';

// zod/mini carries no error messages of its own: every issue would read "Invalid input". The
// English ones name what was expected ("Too big: expected string to have <=300 characters"),
// which a problem document and a form's error summary pass on.
z.config(en());

// zod compiles a parser (`new Function`) for each object schema as it builds it, about 1 ms each,
// and a function parses each schema only a few times an invocation: the compiling was cold-start
// cost (20 object schemas' first parse: 21 ms compiled, 4 ms not; warm parses no slower). The
// setting holds for schemas built after it, so each function's entry imports this module first,
// before any module that builds a schema as it loads; `deferred.ts` imports it for the rest.
z.config({ jitless: true });
