// Owns turning an address pasted into the picker or the notes into a link to the work: the address becomes the
// start's link (a chip), and the words pasted around it go where the caller puts them. Other pastes are left be.
import { findWorkItem } from '../../../shared/work-items';
import { useSheaf } from '../state/StoreContext';

/** An onPaste handler; `keep(words)` receives the pasted text without the address (all of it if core said no). */
export function usePasteLink(keep: (words: string) => void) {
  const linkWork = useSheaf((s) => s.linkWork);
  // React's paste event or the DOM's own: both carry the clipboard and can keep the text out of the field.
  return (event: { clipboardData: DataTransfer | null; preventDefault(): void }) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const found = findWorkItem(text);
    if (!found) return;
    event.preventDefault();
    void linkWork(found.item.permalink).then((linked) => keep(linked ? found.rest : text));
  };
}
