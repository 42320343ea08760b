// Owns starting the popover: the store over the Sheaf bridge, rendered into #root.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getSheaf } from './bridge';
import { App } from './components/App';
import { createSheafStore } from './state/store';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('The popover page has no #root element.');

createRoot(root).render(
  <StrictMode>
    <App store={createSheafStore(getSheaf())} />
  </StrictMode>,
);
