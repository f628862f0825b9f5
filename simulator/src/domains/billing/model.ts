/**
 * The billing part of the simulated estate: the Cost Explorer line items derived from the
 * resources, and the settings of the (account-wide, us-east-1) billing APIs. List prices are not
 * stored: the Price List is a pure function of (service code, region code) in price-products.ts,
 * so any region code a tool asks for is priced.
 */

/** Cost Explorer RECORD_TYPE values the estate produces. */
export type RecordType = 'Usage' | 'Credit' | 'Tax';

/**
 * One day of one (linked account, region, service, usage type[, tag]) in Cost Explorer. Amounts
 * are what the bill shows (list prices; no discounts), credits negative.
 */
export interface CostLine {
  /** `YYYY-MM-DD`, UTC. */
  readonly day: string;
  readonly account: string;
  /** A region code, or `global` / `NoRegion` as Cost Explorer reports global charges. */
  readonly region: string;
  /** Cost Explorer SERVICE, e.g. "Amazon WorkSpaces". */
  readonly service: string;
  readonly usageType: string;
  readonly recordType: RecordType;
  readonly amount: number;
  readonly quantity: number;
  /** The usage unit (`Hrs`, `Month`, `Users`, `GB-Mo`...). */
  readonly unit: string;
  /** Cost allocation tags active on the line (tag key → value). */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A linked account as Cost Explorer names it. */
export interface BillingAccount {
  readonly id: string;
  readonly name: string;
}

export interface BillingEstate {
  /** The management (payer) account: it sees every linked account; the others see only their own. */
  readonly payerAccount: string;
  readonly accounts: readonly BillingAccount[];
  /** Every line, sorted by day. */
  readonly lines: readonly CostLine[];
  /** First day with data (`YYYY-MM-DD`): the first of the month 13 months before now. */
  readonly firstDay: string;
  /** The estate's today (`YYYY-MM-DD`); today's lines are partial. */
  readonly today: string;
  /** Cost allocation tag keys that are active (and so can be grouped by). */
  readonly activeTagKeys: readonly string[];
  /** Whether HOURLY granularity was enabled in Cost Explorer preferences (off by default). */
  hourlyGranularityEnabled: boolean;
  /** Groups per GetCostAndUsage / values per GetDimensionValues page; tests may lower it. */
  pageSize: number;
  /** What the estate's bill says happened, for tests and the demo description. */
  readonly story: BillingStory;
  /** Price List publication the products carry. */
  readonly priceListPublication: string;
}

/** The narrative the numbers tell, so tests can assert against it. */
export interface BillingStory {
  /** The day a load-test AppStream fleet was scaled out and left running (daily spend rises). */
  readonly surgeFrom: string;
  readonly surgeDailyUsd: number;
  readonly surgeUsageType: string;
  /** A promotional credit applied to WorkSpaces (negative amount, RECORD_TYPE Credit). */
  readonly creditDay: string;
  readonly creditUsd: number;
}
