// Next.js's own declarations name URLPattern, which neither TypeScript 5.9's DOM library nor
// @types/node 20 declares; without this, `skipLibCheck: false` fails inside Next, not ssekit.
type URLPatternInput = string | Record<string, string>;
type URLPatternOptions = { ignoreCase?: boolean };
declare class URLPattern {
  constructor(
    input?: URLPatternInput,
    baseURL?: string | URLPatternOptions,
    options?: URLPatternOptions,
  );
  test(input?: URLPatternInput, baseURL?: string): boolean;
  exec(input?: URLPatternInput, baseURL?: string): unknown;
}
