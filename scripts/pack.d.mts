/** Publishable package folders, in dependency order. */
export declare const PACKAGE_DIRS: readonly string[];
/** Packs every package into `dir` (emptied first), in one pnpm run; returns `{ name: tarball path }`. */
export declare function packAll(dir: string): Record<string, string>;
