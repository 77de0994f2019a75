import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every TypeScript file under a folder, with its import specifiers. */
const importsUnder = (dir: string): { file: string; specifier: string }[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) =>
      [...readFileSync(join(dir, file), 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((match) => ({ file: join(dir, file), specifier: match[1]! })),
    );

describe('the domain', () => {
  it('is plain TypeScript: no AWS SDK, no database, no HTTP, no HTML and no email templates', () => {
    const crossings = importsUnder('shared/domain').filter(({ specifier }) =>
      /^@aws-sdk\/|^@aws-lambda-powertools\/|^@middy\/|\/db\/|\/http\/|\/html\/|\/email\//.test(specifier),
    );
    expect(crossings).toEqual([]);
  });
});
