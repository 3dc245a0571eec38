/** Entry of the staff console: language first (the login page already speaks both), then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createI18n } from '@pls/shared/i18n';
import { UiProvider } from '@pls/shared/ui';
import { ConsoleApp } from './console-app';
import { storedLanguage } from './language-memory';
import './console.css';

const i18n = createI18n({ language: storedLanguage() });
const element = document.getElementById('root');
if (element === null) throw new Error('no #root in index.html');
createRoot(element).render(
  <StrictMode>
    <UiProvider i18n={i18n}>
      <ConsoleApp />
    </UiProvider>
  </StrictMode>,
);
