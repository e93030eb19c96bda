import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { startServiceWorkerLater } from './app/serviceWorker';
import { i18n } from './i18n';
import './styles/base.css';
import './styles/layout.css';
import './styles/overlays.css';
import './styles/login.css';
import './styles/board.css';
import './styles/card.css';
import './styles/drawer.css';
import './styles/forms.css';
import './styles/gates.css';
import './styles/tooltips.css';
import './styles/attachments.css';
import './styles/stages.css';
import './styles/stageDialog.css';
import './styles/lights.css';
import './styles/pack.css';
import './styles/packPanels.css';
import './styles/editor.css';
import './styles/editorBlocks.css';
import './styles/timeline.css';
import './styles/offline.css';
import './styles/health.css';
import './styles/alerts.css';
import './styles/standup.css';
import './styles/standupTimer.css';
import './styles/settings.css';

startServiceWorkerLater();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
