import Bowser from 'bowser';

/** What a sessions list shows about a device, read from its user agent. */
export interface DeviceDescription {
  /** e.g. "Chrome 126"; null when the user agent names no browser we know. */
  browser: string | null;
  /** e.g. "Windows 10", "iOS 17.5", "macOS"; null when unknown. */
  os: string | null;
  deviceType: 'desktop' | 'mobile' | 'tablet' | 'other' | null;
}

const major = (version: string | undefined) => version?.split('.')[0] ?? '';

/**
 * Describes the device behind a user agent with bowser (MIT). Versions are kept coarse on purpose:
 * browsers freeze the OS version in the user agent (every Mac says 10.15.7), so a precise one would lie.
 */
export function describeUserAgent(userAgent: string | null): DeviceDescription {
  if (!userAgent) return { browser: null, os: null, deviceType: null };
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name ? `${parsed.browser.name} ${major(parsed.browser.version)}`.trim() : null;
  const osName = parsed.os.name;
  let os: string | null = null;
  if (osName === 'Windows') os = parsed.os.versionName ? `Windows ${parsed.os.versionName}` : 'Windows';
  else if (osName === 'iOS' || osName === 'Android') os = parsed.os.version ? `${osName} ${parsed.os.version.split('.').slice(0, 2).join('.')}` : osName;
  else if (osName) os = osName;
  const type = parsed.platform.type;
  const deviceType = type === 'desktop' || type === 'mobile' || type === 'tablet' ? type : browser || os ? 'other' : null;
  return { browser, os, deviceType };
}
