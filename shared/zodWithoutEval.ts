// zod compiles fast object parsers with new Function unless told not to. The screens run under a
// Content-Security-Policy without 'unsafe-eval', where even zod's first probe for it is refused and
// reported as a violation; so zod runs without eval everywhere. Imported first by every shared
// module that builds object schemas, before any schema exists.
import { config } from 'zod';

config({ jitless: true });
