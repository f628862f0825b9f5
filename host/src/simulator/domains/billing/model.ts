/** The billing part of the simulated estate. */
// biome-ignore lint/suspicious/noEmptyInterface: filled in when this part of the estate is built
export interface BillingEstate {}
