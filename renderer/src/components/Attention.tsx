// Owns what waits for the person's decision: changes Harvest refused (apply elsewhere or discard) and notices
// that aren't errors (dismissible; shown signed out too, e.g. a keychain Sheaf couldn't read).
import { memo } from 'react';
import { useApp, useSheaf } from '../state/StoreContext';

export const Attention = memo(function Attention() {
  const send = useSheaf((s) => s.send);
  const setAside = useApp((app) => app.setAside);
  return (
    <>
      {setAside.length > 0 && (
        <section className="banner conflicts" aria-label="Changes Harvest refused">
          <h2 className="banner-title small">
            Harvest refused {setAside.length === 1 ? 'a change' : 'some changes'}
          </h2>
          <ul>
            {setAside.map((item) => (
              <li key={item.id}>
                <p>{item.summary}</p>
                <p className="muted small">{item.reason}</p>
                <div className="banner-actions">
                  {item.canApplyElsewhere && (
                    <button
                      type="button"
                      aria-label={`Apply elsewhere: ${item.summary}`}
                      title="Add this time as a new entry today"
                      onClick={() => void send('resolveSetAside', { id: item.id, action: 'applyElsewhere' })}
                    >
                      Apply elsewhere
                    </button>
                  )}
                  <button
                    type="button"
                    className="quiet"
                    aria-label={`Discard: ${item.summary}`}
                    onClick={() => void send('resolveSetAside', { id: item.id, action: 'discard' })}
                  >
                    Discard
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Notices />
    </>
  );
});

/** What Sheaf has to tell the person that isn't an error, until they dismiss it. */
export const Notices = memo(function Notices() {
  const send = useSheaf((s) => s.send);
  const notices = useApp((app) => app.notices);
  if (notices.length === 0) return null;
  return (
    <section className="banner notices" aria-label="Notices">
      <ul>
        {notices.map((n) => (
          <li key={n} className="small">
            {n}
          </li>
        ))}
      </ul>
      <button type="button" className="quiet" onClick={() => void send('dismissNotices')}>
        Dismiss
      </button>
    </section>
  );
});
