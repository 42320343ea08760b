// Owns the chip that says which work the next start is linked to ("linked to acme/site#12"), and removing it.
import type { EntryReference } from '../../../shared/state';
import { LinkIcon } from './MoreIcons';

export function LinkChip({ link, onRemove }: { link: EntryReference; onRemove(): void }) {
  return (
    <p className="link-chip small" aria-live="polite">
      <LinkIcon />
      <span className="link-chip-text" title={link.permalink}>
        linked to {link.id}
      </span>
      <button type="button" className="quiet link-chip-remove" aria-label="Remove link" onClick={onRemove}>
        ×
      </button>
    </p>
  );
}
