// Loading the AWS SDK client packages is most of the server's start-up time, and the MCP client
// waits for `initialize` while the plugins load (issue #19). So no module of this plugin imports
// an SDK value at top level (type-only imports are erased at build): the functions that call AWS
// load the package on first use through these loaders. Node caches a module once loaded, so every
// later call costs one already-resolved promise.

/** The STS client package, loaded on first use. */
export const stsSdk = () => import('@aws-sdk/client-sts');

/** The CloudWatch client package (client, paginators), loaded on first use. */
export const cloudWatchSdk = () => import('@aws-sdk/client-cloudwatch');

/** The Service Quotas client package (client, paginators), loaded on first use. */
export const serviceQuotasSdk = () => import('@aws-sdk/client-service-quotas');

/** The CloudTrail client package (client, commands), loaded on first use. */
export const cloudTrailSdk = () => import('@aws-sdk/client-cloudtrail');
