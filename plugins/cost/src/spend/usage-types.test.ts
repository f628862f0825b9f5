import { describe, expect, it } from 'vitest';
import { driverCategory, eucProductOf, isEucService, workspacesCategoryOf } from './usage-types.js';

describe('Cost Explorer vocabulary', () => {
  it('finds EUC services by keyword, renamed ones included, Thin Client excluded', () => {
    expect(isEucService('Amazon WorkSpaces')).toBe(true);
    expect(isEucService('Amazon AppStream')).toBe(true);
    expect(isEucService('Amazon WorkSpaces Applications')).toBe(true);
    expect(isEucService('Amazon WorkSpaces Web')).toBe(true);
    expect(isEucService('Amazon WorkSpaces Thin Client')).toBe(false);
    expect(isEucService('Amazon Elastic Compute Cloud - Compute')).toBe(false);
  });

  it('names the product of each line', () => {
    expect(eucProductOf('Amazon WorkSpaces')).toBe('WorkSpaces (Personal/Pools/Core)');
    expect(eucProductOf('Amazon WorkSpaces Applications')).toBe('WorkSpaces Applications');
    expect(eucProductOf('Amazon WorkSpaces Web')).toBe('WorkSpaces Secure Browser');
    expect(eucProductOf('AWS Lambda')).toBeUndefined();
  });

  it('splits WorkSpaces usage types into Personal, Pools and Core', () => {
    expect(workspacesCategoryOf('APS1-AW-HWB5-0')).toBe('WorkSpaces Personal');
    expect(workspacesCategoryOf('APS1-AW-HW-Pools-Stopped-Usage')).toBe('WorkSpaces Pools');
    expect(workspacesCategoryOf('APS1-WH-ManagedInstances-Usage')).toBe('WorkSpaces Core');
    expect(workspacesCategoryOf('USE1-Core-AW-HW-2')).toBe('WorkSpaces Core');
    // "core" inside a word is not a Core marker.
    expect(workspacesCategoryOf('USE1-Hardcore-Usage')).toBe('WorkSpaces Personal');
    expect(driverCategory('Amazon AppStream', 'EU-Fleet-Usage')).toBe('WorkSpaces Applications');
  });
});
