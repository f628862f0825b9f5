/**
 * Service Quotas for the EUC service codes, with the API reference's rules: MaxResults 1-100,
 * NextToken (InvalidPaginationTokenException), NoSuchResourceException for a service or quota it
 * does not know, ListServiceQuotas leaving out quotas that have only a default value, and
 * ListAWSDefaultServiceQuotas listing every quota at its default.
 */
import { SimulatedAwsError } from '../../errors.js';
import type { Estate } from '../../estate-model.js';
import type { OperationHandler, SimRequest } from '../../handlers.js';
import { at } from '../../model.js';
import { intInRange, pageOf, requiredString } from '../../paging.js';
import type { SimQuota } from './model.js';
import { SERVICE_NAMES } from './quota-catalogue.js';

const KNOWN_SERVICES = new Set(Object.keys(SERVICE_NAMES));

function noSuchService(serviceCode: string): SimulatedAwsError {
  return new SimulatedAwsError(
    'NoSuchResourceException',
    `The request failed because the specified service ${serviceCode} does not exist.`,
  );
}

function quotasOf(estate: Estate, request: SimRequest): { serviceCode: string; quotas: SimQuota[] } {
  const serviceCode = requiredString(request.input, 'ServiceCode');
  if (!KNOWN_SERVICES.has(serviceCode)) throw noSuchService(serviceCode);
  const quotas = estate.governance.quotas
    .filter((q) => at(q, request.account, request.region) && q.quota.ServiceCode === serviceCode)
    .sort((a, b) => (a.quota.QuotaCode ?? '').localeCompare(b.quota.QuotaCode ?? ''));
  return { serviceCode, quotas };
}

function oneQuota(estate: Estate, request: SimRequest): SimQuota {
  const { quotas } = quotasOf(estate, request);
  const code = requiredString(request.input, 'QuotaCode');
  const found = quotas.find((q) => q.quota.QuotaCode === code);
  if (!found)
    throw new SimulatedAwsError(
      'NoSuchResourceException',
      `The request failed because the specified quota ${code} does not exist.`,
    );
  return found;
}

function page(operation: string, request: SimRequest, items: readonly SimQuota[]) {
  const maxResults = intInRange(request.input, 'MaxResults', 1, 100, 100);
  return pageOf(operation, items, request.input.NextToken, maxResults, 'InvalidPaginationTokenException');
}

const listServiceQuotas: OperationHandler = (request, estate) => {
  let { quotas } = quotasOf(estate, request);
  quotas = quotas.filter((q) => q.applied);
  const code = request.input.QuotaCode;
  if (typeof code === 'string') {
    quotas = quotas.filter((q) => q.quota.QuotaCode === code);
    if (quotas.length === 0)
      throw new SimulatedAwsError('NoSuchResourceException', `The quota ${code} has no applied value.`);
  }
  // Every EUC quota applies at the account level.
  if (request.input.QuotaAppliedAtLevel === 'RESOURCE') quotas = [];
  const { items, nextToken } = page('ListServiceQuotas', request, quotas);
  return { Quotas: items.map((q) => structuredClone(q.quota)), NextToken: nextToken };
};

const listDefaults: OperationHandler = (request, estate) => {
  const { quotas } = quotasOf(estate, request);
  const { items, nextToken } = page('ListAWSDefaultServiceQuotas', request, quotas);
  return {
    Quotas: items.map((q) => ({ ...structuredClone(q.quota), Value: q.defaultValue })),
    NextToken: nextToken,
  };
};

const getServiceQuota: OperationHandler = (request, estate) => {
  const quota = oneQuota(estate, request);
  if (!quota.applied)
    throw new SimulatedAwsError(
      'NoSuchResourceException',
      `The quota ${quota.quota.QuotaCode} has no applied value; use GetAWSDefaultServiceQuota.`,
    );
  return { Quota: structuredClone(quota.quota) };
};

const getDefault: OperationHandler = (request, estate) => {
  const quota = oneQuota(estate, request);
  return { Quota: { ...structuredClone(quota.quota), Value: quota.defaultValue } };
};

export const serviceQuotasOperations = {
  ListServiceQuotas: listServiceQuotas,
  ListAWSDefaultServiceQuotas: listDefaults,
  GetServiceQuota: getServiceQuota,
  GetAWSDefaultServiceQuota: getDefault,
};
