// The viewer's time zone (IANA name), for times shown in the viewer's own zone.
export function timeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
