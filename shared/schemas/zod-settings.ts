import * as z from 'zod';

// zod compiles a parser (`new Function`) for each object schema as it builds it, about 1 ms each,
// and a function parses each schema only a few times an invocation: the compiling was cold-start
// cost (20 object schemas' first parse: 21 ms compiled, 4 ms not; warm parses no slower). The
// setting holds for schemas built after it, so each function's entry imports this module first.
z.config({ jitless: true });
