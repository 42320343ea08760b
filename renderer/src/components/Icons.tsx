// Owns the popover's few inline icons and the svg every icon draws in (decorative: buttons carry their own
// accessible names).
import type { ReactNode } from 'react';

/** The svg every icon draws in: a 16-unit box shown at `size` px, hidden from assistive tech. */
export function Icon({ size = 14, children }: { size?: number; children: ReactNode }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden focusable={false}>
      {children}
    </svg>
  );
}

export const PlayIcon = () => (
  <Icon>
    <path
      d="M5 3.2v9.6a.6.6 0 0 0 .9.5l7.4-4.8a.6.6 0 0 0 0-1L5.9 2.7a.6.6 0 0 0-.9.5z"
      fill="currentColor"
    />
  </Icon>
);

export const StopIcon = () => (
  <Icon>
    <rect x="3.5" y="3.5" width="9" height="9" rx="1.5" fill="currentColor" />
  </Icon>
);

export const LockIcon = () => (
  <Icon size={12}>
    <path
      d="M5 7V5a3 3 0 0 1 6 0v2h.5A1.5 1.5 0 0 1 13 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 3 13.5v-5A1.5 1.5 0 0 1 4.5 7H5zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2z"
      fill="currentColor"
    />
  </Icon>
);

export const SyncIcon = () => (
  <Icon size={12}>
    <path
      d="M13.5 8a5.5 5.5 0 0 1-9.9 3.3M2.5 8a5.5 5.5 0 0 1 9.9-3.3M12.6 1.8v3h-3M3.4 14.2v-3h3"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </Icon>
);
