import { didYouMean } from './suggest.js';

// A clone's workspace packages resolve to their dist/ folders, which exist only after a build.
const BUILD_HINT =
  'If you run from a clone of the repository, build it first: npm run build (then run the command again).';

/**
 * A plugin loading error with what the user can do next: for a name that is not found, the
 * first-party plugin it most likely meant; for a first-party plugin that is missing or fails to
 * import its files, the build step a fresh clone needs.
 */
export function explainPluginError(message: string, firstParty: readonly string[]): string {
  const notFound = /^Plugin (\S+) could not be found/.exec(message)?.[1];
  if (notFound !== undefined) {
    if (firstParty.includes(notFound)) return `${message}\n${BUILD_HINT}`;
    // Compare short names too: "plugin-pool" or "pools" for a scoped "plugin-pools" package.
    const short = (name: string) => name.replace(/^@[^/]+\//, '').replace(/^plugin-/, '');
    const byShort = new Map(firstParty.map((name) => [short(name), name]));
    const hint = didYouMean(notFound, firstParty) || didYouMean(short(notFound), byShort.keys());
    if (hint === '') return message;
    const meant = /"(.+)"/.exec(hint)?.[1] ?? '';
    return `${message}\nDid you mean "${byShort.get(meant) ?? meant}"?`;
  }
  if (/ERR_MODULE_NOT_FOUND|Cannot find (module|package)/.test(message)) return `${message}\n${BUILD_HINT}`;
  return message;
}
