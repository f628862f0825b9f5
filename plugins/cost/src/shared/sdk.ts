// Loading the AWS SDK client packages is most of the server's start-up time, and the MCP client
// waits for `initialize` while the plugins load (issue #19). So no module of this plugin imports
// an SDK value at top level (type-only imports are erased at build): the functions that call AWS
// load the package on first use through these loaders. Node caches a module once loaded, so every
// later call costs one already-resolved promise.

/** The Cost Explorer client package (client, commands), loaded on first use. */
export const costExplorerSdk = () => import('@aws-sdk/client-cost-explorer');

/** The WorkSpaces client package (client, commands, paginators), loaded on first use. */
export const workspacesSdk = () => import('@aws-sdk/client-workspaces');

/** The CloudWatch client package, loaded on first use. */
export const cloudWatchSdk = () => import('@aws-sdk/client-cloudwatch');

/** The Price List (Pricing) client package, loaded on first use. */
export const pricingSdk = () => import('@aws-sdk/client-pricing');

/** The Resource Groups Tagging API client package (the batch tag read), loaded on first use. */
export const taggingSdk = () => import('@aws-sdk/client-resource-groups-tagging-api');
