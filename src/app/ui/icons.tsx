/** Small inline icons (decorative: every use sits beside a visible label). */
import type { JSX } from 'preact';

const paths = {
  home: 'M3 11.5 12 4l9 7.5V20a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z',
  notes: 'M6 3h9l4 4v13a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zm2 7h8M8 14h8M8 18h5',
  children:
    'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm7 1a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M14 20c0-2.2 1-4 3-4.5 2.2.3 4 2 4 4.5',
  settings:
    'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm7.4-3a7.4 7.4 0 0 0-.1-1.2l2-1.6-2-3.4-2.4 1a7.5 7.5 0 0 0-2-1.2L14.5 3h-4l-.4 2.6a7.5 7.5 0 0 0-2 1.2l-2.4-1-2 3.4 2 1.6a7.4 7.4 0 0 0 0 2.4l-2 1.6 2 3.4 2.4-1a7.5 7.5 0 0 0 2 1.2l.4 2.6h4l.4-2.6a7.5 7.5 0 0 0 2-1.2l2.4 1 2-3.4-2-1.6c.1-.4.1-.8.1-1.2z',
  plus: 'M12 5v14M5 12h14',
  back: 'M15 5l-7 7 7 7',
  cloudOff:
    'M3 3l18 18M8 8a5 5 0 0 0-1 0 4 4 0 0 0 0 8h10m3.5-1.5A3.5 3.5 0 0 0 18 9h-.5A6 6 0 0 0 10.6 6',
  check: 'M5 12.5l4.5 4.5L19 7',
  device: 'M7 3h10a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zm4 15h2',
  alert: 'M12 3.5l9 16H3zM12 10v4.5M12 17.2v.3',
  twoVersions: 'M9 9h10v10H9zM5 15V5h10',
  checkin:
    'M8 3v3M16 3v3M4 8h16M5 5h14a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm4 9l2 2 4-4',
  cycle: 'M20 12a8 8 0 0 1-14.3 4.9M4 12a8 8 0 0 1 14.3-4.9M18.5 3v4.2h-4.2M5.5 21v-4.2h4.2',
  chart: 'M4 20V4M4 20h16M7 16l4-5 3 3 5-7',
} as const;

export type IconName = keyof typeof paths;

/** An icon by name, drawn with the current text colour. */
export function Icon({
  name,
  size = 24,
}: {
  name: keyof typeof paths;
  size?: number;
}): JSX.Element {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      class="icon"
    >
      <path
        d={paths[name]}
        fill="none"
        stroke="currentColor"
        stroke-width="1.8"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
