import { changeLanguage, useLanguage } from '../i18n';

/** Switches between Vietnamese and English, each named in its own language. */
export function LanguageSwitch() {
  const language = useLanguage();
  const other = language === 'vi' ? 'en' : 'vi';
  return (
    <button type="button" className="header-button" lang={other} onClick={() => void changeLanguage(other)} data-testid="language-switch">
      {other === 'en' ? 'English' : 'Tiếng Việt'}
    </button>
  );
}
