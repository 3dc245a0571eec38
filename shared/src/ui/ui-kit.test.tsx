// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { familyKey } from '../i18n/key-families';
import { BigButton } from './big-button';
import { IdleGuard } from './idle-guard';
import { Listbox } from './listbox';
import { PageFrame } from './page-frame';
import { ReadingView, readingProgress, wheelToHorizontal } from './reading-view';
import { PAGE_SHARE, ScrollArea, scrollHints } from './scroll-area';
import { SyncBadge } from './sync-badge';
import { recordingVoice, renderUi } from './test-support';
import { BilingualText, Text } from './text';
import { CASE_CATEGORIES } from '../domain/vocabulary';

afterEach(cleanup);

const MONGOLIAN = /[\u1820-\u18AA]/u;
const HAN = /\p{Script=Han}/u;

function frame(props: Partial<Parameters<typeof PageFrame>[0]> = {}) {
  return (
    <PageFrame
      onHome={() => {}}
      onCallStaff={() => {}}
      syncStatus={{ kind: 'upToDate', lastSuccessAt: '2026-11-23T11:57:00Z' }}
      now={new Date('2026-11-23T12:00:00Z')}
      {...props}
    >
      <Text k="gallery:sampleHeading" as="h2" />
      <Text k={familyKey('domain:caseCategory', 'grassland_land')} />
    </PageFrame>
  );
}

describe('language switch', () => {
  it('changes <html lang> and every string on screen in one step', () => {
    const { container } = renderUi(frame());
    expect(document.documentElement.lang).toBe('zh-Hans-CN');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('公共法律服务');
    const before = container.textContent ?? '';
    expect(before).toMatch(HAN);

    fireEvent.click(screen.getByRole('button', { name: /切换语言/ }));

    expect(document.documentElement.lang).toBe('mn-Mong-CN');
    // Every text element of the frame is now Mongolian: none left in Chinese.
    const texts = [...container.querySelectorAll('.pls-text')];
    expect(texts.length).toBeGreaterThan(8);
    const notMongolian = texts.filter(
      (el) => el.getAttribute('lang') !== 'mn-Mong-CN' && !el.closest('.pls-language-switch'),
    );
    expect(notMongolian.map((el) => el.textContent)).toEqual([]);
    for (const el of texts.filter((e) => !e.closest('.pls-language-switch'))) {
      expect(el.textContent).toMatch(MONGOLIAN);
      expect(el.textContent).not.toMatch(HAN);
    }
    // The switch now offers Chinese, in Chinese.
    const back = container.querySelector('.pls-language-switch .pls-text');
    expect(back?.getAttribute('lang')).toBe('zh-Hans-CN');
    expect(back?.textContent).toBe('中文');
  });

  it('scales the page with the font-size switch', () => {
    renderUi(frame());
    fireEvent.click(screen.getByRole('button', { name: /特大/ }));
    expect(document.documentElement.style.getPropertyValue('--pls-user-scale')).toBe('1.5');
    expect(screen.getByRole('button', { name: /特大/ }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('Text', () => {
  it('writes Mongolian vertically, tags Han runs zh-Hans-CN and stands two digits upright', () => {
    const { container } = renderUi(
      <>
        <Text k="gallery:mixedSample" />
        <Text>{'ᠨᠢᠭᠡ 12 ᠬᠣᠶᠠᠷ 12348'}</Text>
      </>,
      { language: 'mn-Mong' },
    );
    const [mixed, digits] = [...container.querySelectorAll('.pls-text')];
    expect(mixed?.getAttribute('lang')).toBe('mn-Mong-CN');
    expect(mixed?.classList.contains('pls-mong')).toBe(true);
    expect(mixed?.classList.contains('pls-mn-run')).toBe(true);
    const han = mixed?.querySelector('[lang="zh-Hans-CN"]');
    expect(han?.textContent).toBe('呼和浩特');
    expect([...(digits?.querySelectorAll('.pls-tcy') ?? [])].map((e) => e.textContent)).toEqual([
      '12',
    ]);
  });

  it('writes Chinese horizontally and tags a Mongolian run inside it', () => {
    const { container } = renderUi(<Text>{'蒙古语：ᠮᠣᠩᠭᠣᠯ'}</Text>);
    const el = container.querySelector('.pls-text');
    expect(el?.getAttribute('lang')).toBe('zh-Hans-CN');
    expect(el?.classList.contains('pls-zh')).toBe(true);
    expect(el?.querySelector('[lang="mn-Mong-CN"]')?.textContent).toBe('ᠮᠣᠩᠭᠣᠯ');
  });

  it('falls back to Chinese content, tagged as Chinese, when a Mongolian translation is missing', () => {
    const { container } = renderUi(<Text text={{ zh: '通知', mn: '', mnStatus: 'missing' }} />, {
      language: 'mn-Mong',
    });
    expect(container.querySelector('.pls-text')?.getAttribute('lang')).toBe('zh-Hans-CN');
  });

  it('shows both languages side by side in BilingualText', () => {
    const { container } = renderUi(<BilingualText k={familyKey('domain:nation', '02')} />);
    const runs = [...container.querySelectorAll('.pls-bilingual > .pls-text')];
    expect(runs.map((r) => [r.getAttribute('lang'), r.textContent])).toEqual([
      ['zh-Hans-CN', '蒙古族'],
      ['mn-Mong-CN', 'ᠮᠣᠩᠭᠣᠯ'],
    ]);
  });
});

describe('BigButton', () => {
  it('is a real button with icon and label, and speaks its label on focus when asked', () => {
    const voice = recordingVoice();
    const onPress = vi.fn();
    renderUi(<BigButton label="common:nav.home" icon="home" onPress={onPress} speakOnFocus />, {
      voice,
    });
    const button = screen.getByRole('button', { name: '首页' });
    expect(button.querySelector('svg')).not.toBeNull();
    fireEvent.focus(button);
    fireEvent.click(button);
    expect(onPress).toHaveBeenCalledTimes(1);
    expect(voice.said).toEqual(['common:nav.home']);
  });
});

describe('SyncBadge', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it.each([
    [{ kind: 'offline' } as const, '未联网，资料已保存在本机'],
    [{ kind: 'syncing' } as const, '正在同步'],
    [{ kind: 'upToDate', lastSuccessAt: '2026-11-23T11:57:00Z' } as const, '已同步（3 分钟前）'],
    [{ kind: 'error', reason: 'HTTP 503' } as const, '同步失败，稍后自动重试'],
  ])('says %o in words', (status, text) => {
    renderUi(<SyncBadge status={status} now={now} />);
    const badge = screen.getByRole('status');
    expect(badge.textContent).toBe(text);
    expect(badge.getAttribute('data-sync')).toBe(status.kind);
  });

  it('writes the time in Mongolian with Latin digits, not Cyrillic', () => {
    renderUi(
      <SyncBadge status={{ kind: 'upToDate', lastSuccessAt: '2026-11-23T09:00:00Z' }} now={now} />,
      {
        language: 'mn-Mong',
      },
    );
    const text = screen.getByRole('status').textContent ?? '';
    expect(text).toMatch(/3 ᠴᠠᠭ\u202Fᠤᠨ ᠡᠮᠦᠨ\u180Eᠡ/u);
    expect(text).not.toMatch(/\p{Script=Cyrillic}/u);
  });
});

describe('Listbox', () => {
  const options = CASE_CATEGORIES.map((value) => ({
    value,
    label: familyKey('domain:caseCategory', value),
  }));

  it('is an ARIA listbox, not a native select, chosen with arrows and Enter', () => {
    const onChange = vi.fn();
    const { container } = renderUi(
      <Listbox
        label="common:listbox.placeholder"
        options={options}
        value={undefined}
        onChange={onChange}
      />,
      { language: 'mn-Mong' },
    );
    expect(container.querySelector('select')).toBeNull();
    const listbox = screen.getByRole('listbox');
    expect(listbox.getAttribute('aria-orientation')).toBe('horizontal');
    const all = within(listbox).getAllByRole('option');
    expect(all).toHaveLength(CASE_CATEGORIES.length);
    fireEvent.keyDown(listbox, { key: 'ArrowRight' });
    fireEvent.keyDown(listbox, { key: 'ArrowDown' });
    fireEvent.keyDown(listbox, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith('marriage_family');
    fireEvent.keyDown(listbox, { key: 'End' });
    fireEvent.keyDown(listbox, { key: ' ' });
    expect(onChange).toHaveBeenLastCalledWith('other');
    expect(document.activeElement?.getAttribute('id')).toMatch(/-other$/);
  });

  it('toggles several values in multiple mode', () => {
    const onChange = vi.fn();
    renderUi(
      <Listbox
        label="common:listbox.placeholder"
        options={options}
        multiple
        value={['consumer']}
        onChange={onChange}
      />,
    );
    fireEvent.click(screen.getByRole('option', { name: /工伤/ }));
    expect(onChange).toHaveBeenLastCalledWith(['consumer', 'work_injury']);
    fireEvent.click(screen.getByRole('option', { name: /消费纠纷/ }));
    expect(onChange).toHaveBeenLastCalledWith([]);
    expect(screen.getByRole('listbox').getAttribute('aria-multiselectable')).toBe('true');
  });
});

describe('ReadingView', () => {
  it('turns a vertical wheel into horizontal scrolling', () => {
    expect(wheelToHorizontal(0, 120)).toBe(120);
    expect(wheelToHorizontal(80, 10)).toBeUndefined();
  });

  it('scrolls a Mongolian text sideways on wheel and with the page buttons', () => {
    const { container } = renderUi(
      <ReadingView label="gallery:section.reading">
        <Text k="gallery:sampleBody" as="p" />
      </ReadingView>,
      { language: 'mn-Mong' },
    );
    const body = container.querySelector<HTMLElement>('.pls-reading__body');
    if (body === null) throw new Error('no reading body');
    expect(body.classList.contains('pls-mong')).toBe(true);
    const wheel = new WheelEvent('wheel', { deltaY: 100, cancelable: true });
    body.dispatchEvent(wheel);
    expect(body.scrollLeft).toBe(100);
    expect(wheel.defaultPrevented).toBe(true);
    // jsdom lays nothing out: a text three boxes wide, its end not yet on screen.
    Object.defineProperty(body, 'clientWidth', { configurable: true, value: 400 });
    Object.defineProperty(body, 'scrollWidth', { configurable: true, value: 1200 });
    body.scrollLeft = 0;
    fireEvent.scroll(body);
    const scrollBy = vi.fn();
    body.scrollBy = scrollBy as typeof body.scrollBy;
    fireEvent.click(screen.getByRole('button', { name: /ᠳᠠᠷᠠᠭᠠᠬᠢ/ }));
    expect(scrollBy).toHaveBeenCalledWith({ left: expect.any(Number) });
  });

  it('shows the page, hides the pager when the text fits, and tells when the end was seen', () => {
    expect(readingProgress(0, 400, 400)).toEqual({ page: 1, pages: 1, atStart: true, atEnd: true });
    expect(readingProgress(0, 400, 1000)).toEqual({
      page: 1,
      pages: 3,
      atStart: true,
      atEnd: false,
    });
    expect(readingProgress(400, 400, 1000)).toMatchObject({ page: 2, atEnd: false });
    expect(readingProgress(600, 400, 1000)).toMatchObject({ page: 3, atEnd: true });

    expect(readingProgress(0, 0, 0)).toMatchObject({ atEnd: false });

    const sized = (box: HTMLElement, client: number, scroll: number) => {
      Object.defineProperty(box, 'clientHeight', { configurable: true, value: client });
      Object.defineProperty(box, 'scrollHeight', { configurable: true, value: scroll });
    };
    const render = () => {
      const onReadToEnd = vi.fn();
      const { container } = renderUi(
        <ReadingView label="gallery:section.reading" onReadToEnd={onReadToEnd}>
          <Text k="gallery:sampleBody" as="p" />
        </ReadingView>,
        { language: 'zh-Hans' },
      );
      const box = container.querySelector<HTMLElement>('.pls-reading__body')!;
      return { container, box, onReadToEnd };
    };

    // Not laid out yet: nothing counts as read.
    const short = render();
    expect(short.onReadToEnd).not.toHaveBeenCalled();
    // A text that fits: read at once, and no pager that does nothing.
    sized(short.box, 300, 300);
    fireEvent.scroll(short.box);
    expect(short.onReadToEnd).toHaveBeenCalledTimes(1);
    const pager = short.container.querySelector<HTMLElement>('.pls-reading__pager');
    expect(pager?.style.visibility).toBe('hidden');
    expect(pager?.getAttribute('aria-hidden')).toBe('true');
    cleanup();

    const long = render();
    sized(long.box, 300, 900);
    long.box.scrollTop = 0;
    fireEvent.scroll(long.box);
    expect(long.onReadToEnd).not.toHaveBeenCalled();
    const position = () => long.container.querySelector('.pls-reading__position');
    expect(position()?.getAttribute('data-pages')).toBe('3');
    long.box.scrollTop = 600;
    fireEvent.scroll(long.box);
    expect(long.onReadToEnd).toHaveBeenCalledTimes(1);
    expect(position()?.getAttribute('data-page')).toBe('3');
  });
});

describe('ScrollArea', () => {
  it('says where more content is hidden, ignoring sub-pixel overflow', () => {
    expect(scrollHints({ position: 0, client: 1000, scroll: 1000 })).toEqual({
      before: false,
      after: false,
    });
    expect(scrollHints({ position: 0, client: 1000, scroll: 1001.5 })).toEqual({
      before: false,
      after: false,
    });
    expect(scrollHints({ position: 0, client: 1000, scroll: 2400 })).toEqual({
      before: false,
      after: true,
    });
    expect(scrollHints({ position: 700, client: 1000, scroll: 2400 })).toEqual({
      before: true,
      after: true,
    });
    expect(scrollHints({ position: 1400, client: 1000, scroll: 2400 })).toEqual({
      before: true,
      after: false,
    });
  });

  /** happy-dom has no layout: give the viewport the sizes a browser would measure. */
  function sized(viewport: HTMLElement, sizes: { clientWidth: number; scrollWidth: number }) {
    for (const [name, value] of Object.entries(sizes)) {
      Object.defineProperty(viewport, name, { configurable: true, get: () => value });
    }
  }

  it('shows a "more" button on the side where Mongolian content continues, and pages to it', () => {
    const { container } = renderUi(
      <ScrollArea>
        <Text k="gallery:sampleBody" as="p" />
      </ScrollArea>,
      { language: 'mn-Mong' },
    );
    const area = container.querySelector<HTMLElement>('.pls-scroll');
    const viewport = container.querySelector<HTMLElement>('.pls-scroll__viewport');
    if (area === null || viewport === null) throw new Error('no scroll area');
    expect(area.classList.contains('pls-scroll--x')).toBe(true);
    expect(screen.queryByRole('button')).toBeNull(); // nothing measured yet: nothing hidden
    sized(viewport, { clientWidth: 1000, scrollWidth: 2400 });
    act(() => {
      viewport.dispatchEvent(new Event('scroll'));
    });
    expect(area.dataset['moreAfter']).toBe('true');
    const after = screen.getByRole('button', { name: 'ᠴᠠᠭᠠᠰ\u202Fᠢ ᠦᠵᠡᠬᠦ' });
    const scrollBy = vi.fn();
    viewport.scrollBy = scrollBy as typeof viewport.scrollBy;
    fireEvent.click(after);
    expect(scrollBy).toHaveBeenCalledWith({ left: 1000 * PAGE_SHARE });
    // Scrolled to the end: the way back shows, the way on is gone.
    act(() => {
      viewport.scrollLeft = 1400;
      viewport.dispatchEvent(new Event('scroll'));
    });
    expect(area.dataset['moreAfter']).toBe('false');
    expect(screen.getAllByRole('button')).toHaveLength(1);
    expect(screen.getByRole('button').textContent).toBe('ᠡᠮᠦᠨᠡᠬᠢ\u202Fᠶᠢ ᠦᠵᠡᠬᠦ');
    // The wheel scrolls Mongolian sideways.
    const wheel = new WheelEvent('wheel', { deltaY: -100, cancelable: true });
    viewport.dispatchEvent(wheel);
    expect(wheel.defaultPrevented).toBe(true);
  });

  it('scrolls Chinese content down', () => {
    const { container } = renderUi(
      <ScrollArea>
        <Text k="gallery:sampleBody" as="p" />
      </ScrollArea>,
    );
    const viewport = container.querySelector<HTMLElement>('.pls-scroll__viewport');
    if (viewport === null) throw new Error('no scroll area');
    for (const [name, value] of Object.entries({ clientHeight: 500, scrollHeight: 900 })) {
      Object.defineProperty(viewport, name, { configurable: true, get: () => value });
    }
    act(() => {
      viewport.dispatchEvent(new Event('scroll'));
    });
    const scrollBy = vi.fn();
    viewport.scrollBy = scrollBy as typeof viewport.scrollBy;
    fireEvent.click(screen.getByRole('button', { name: '看后面' }));
    expect(scrollBy).toHaveBeenCalledWith({ top: 500 * PAGE_SHARE });
  });
});

describe('IdleGuard', () => {
  it('warns and speaks before the timeout, counts down, then resets; a touch starts over', () => {
    vi.useFakeTimers();
    try {
      const voice = recordingVoice();
      const onReset = vi.fn();
      renderUi(<IdleGuard timeoutSeconds={60} warningSeconds={10} onReset={onReset} />, { voice });
      act(() => {
        vi.advanceTimersByTime(49_000);
      });
      expect(screen.queryByRole('alertdialog')).toBeNull();
      act(() => {
        vi.advanceTimersByTime(1_000);
      });
      expect(screen.getByRole('alertdialog').textContent).toContain('10');
      expect(voice.said).toContain('common:idle.warning');
      act(() => {
        vi.advanceTimersByTime(3_000);
      });
      expect(screen.getByRole('alertdialog').textContent).toContain('7');
      fireEvent.pointerDown(document);
      expect(screen.queryByRole('alertdialog')).toBeNull();
      expect(onReset).not.toHaveBeenCalled();
      act(() => {
        vi.advanceTimersByTime(60_000);
      });
      expect(onReset).toHaveBeenCalledTimes(1);
      expect(voice.said.at(-1)).toBe('(stop)');
    } finally {
      vi.useRealTimers();
    }
  });
});
