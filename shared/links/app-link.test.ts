import { describe, expect, it } from 'vitest';
import { appLinkIn, routeOfAppLink, runLink, ShowRoute } from './app-link';

describe('links into the desktop app', () => {
  it('opens a run and its failed records', () => {
    expect(runLink('V1StGXR8Z5jdHi6B1myT4')).toBe('koppel://runs/V1StGXR8Z5jdHi6B1myT4');
    expect(runLink('V1StGXR8Z5jdHi6B1myT4', 'failed')).toBe('koppel://runs/V1StGXR8Z5jdHi6B1myT4/failed');
    expect(routeOfAppLink(runLink('abc123') ?? '')).toBe('/runs/abc123');
    expect(routeOfAppLink(runLink('abc123', 'failed') ?? '')).toBe('/runs/abc123/failed');
  });

  it('reads links as the systems hand them over', () => {
    // Windows adds a slash; a mail client may keep a query or change the scheme's case.
    expect(routeOfAppLink('koppel://runs/abc123/')).toBe('/runs/abc123');
    expect(routeOfAppLink('KOPPEL://Runs/abc123/Failed?utm=mail#x')).toBe('/runs/abc123/failed');
    expect(routeOfAppLink('  koppel://runs/abc123 ')).toBe('/runs/abc123');
  });

  it('opens nothing else', () => {
    for (const link of [
      'koppel://settings',
      'koppel://runs',
      'koppel://runs/abc/records/5',
      'koppel://runs/abc/../../settings',
      'koppel://runs/a%2Fb',
      'koppel://runs/abc/failed/more',
      'https://runs/abc',
      'javascript:alert(1)',
      'koppel:runs/abc',
      'not a link',
      '',
    ])
      expect(routeOfAppLink(link), link).toBeNull();
  });

  it('makes no link of something that is not a run id', () => {
    expect(runLink('a/b')).toBeNull();
    expect(runLink('')).toBeNull();
  });

  it('finds the link among the arguments a second start hands over', () => {
    expect(appLinkIn(['/opt/Koppel/koppel', '--no-sandbox', 'koppel://runs/abc'])).toBe('koppel://runs/abc');
    expect(appLinkIn(['/opt/Koppel/koppel', '--background'])).toBeUndefined();
  });

  it('lets the window be told only such a screen', () => {
    expect(ShowRoute.safeParse({ route: '/runs/abc/failed' }).success).toBe(true);
    expect(ShowRoute.safeParse({ route: '/settings' }).success).toBe(false);
  });
});
