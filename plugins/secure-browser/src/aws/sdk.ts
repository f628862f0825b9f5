/**
 * The AWS SDK client packages this plugin uses, loaded on first use. Importing them is most of a
 * server's start-up time (the plugin is loaded at every launch, a tool runs later or never), so no
 * module here imports an SDK value at top level; Node caches a loaded module, so every later call
 * costs one resolved promise.
 */

/** `@aws-sdk/client-workspaces-web`: portals, settings, sessions. */
export const webSdk = () => import('@aws-sdk/client-workspaces-web');
