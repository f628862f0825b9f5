/**
 * The AWS SDK v3 prints a NodeVersionSupportWarning (eight lines on stderr) the first time a client
 * is created on Node 20, announcing that SDK releases after January 2027 need Node 22. Node >= 20.19
 * is a supported runtime of this server and its SDK versions are pinned by the package, so the user
 * can do nothing about it, and an MCP client shows it as a log on every start (and a test run once
 * per worker). Every AWS access the host builds turns it off with the SDK's own switch unless the
 * user set that switch themselves; the README recommends Node 22.
 */
export function quietSdkRuntimeWarnings(env: NodeJS.ProcessEnv = process.env): void {
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}
