/** The font-size switch: three steps, always on screen (MIIT 适老化 asks for adjustable text). */
import { useT } from './use-t';
import { familyKey, FONT_SIZES } from '../i18n/key-families';
import { Text } from './text';
import { useFontSize } from './ui-provider';

export function FontSizeControl() {
  const { t } = useT();
  const { fontSize, setFontSize } = useFontSize();
  return (
    <div className="pls-font-size" role="group" aria-label={t('common:fontSize.label')}>
      {FONT_SIZES.map((size, index) => (
        <button
          key={size}
          type="button"
          className="pls-button pls-button--secondary pls-font-size__step"
          aria-pressed={fontSize === size}
          onClick={() => setFontSize(size)}
        >
          <span
            className="pls-font-size__sample"
            aria-hidden="true"
            style={{ fontSize: `${1 + index * 0.25}em` }}
          >
            A
          </span>
          <Text k={familyKey('common:fontSize', size)} className="pls-button__label" />
        </button>
      ))}
    </div>
  );
}
