// Whether a name is an IANA time zone this runtime knows (Europe/Berlin yes, Mars/Base no).
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
