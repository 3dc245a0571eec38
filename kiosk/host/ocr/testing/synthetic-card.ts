/**
 * Fictional ID card fronts rendered by Chromium, for OCR tests and the benchmark: the layout of
 * the card front (labels, name, sex, nation, birth date, address, number line), then degraded
 * in the page: salt-and-pepper noise from a seeded generator, a few degrees of rotation, low
 * contrast. The people are made up; numbers come from makeSampleIdNumber.
 */
import type { Browser } from 'playwright-core';

export interface SyntheticCard {
  readonly name: string;
  readonly sex: string;
  readonly nation: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly address: string;
  /** Printed as is, valid or not. */
  readonly idNumber: string;
}

export interface Degradation {
  readonly rotateDeg: number;
  /** CSS contrast(): 1 unchanged, 0.3 washed out. */
  readonly contrast: number;
  /** Share of pixels replaced by black or white. */
  readonly noise: number;
  readonly seed: number;
}

export const DEGRADATIONS: Readonly<
  Record<'clean' | 'noisy' | 'rotated' | 'lowContrast', Degradation>
> = {
  clean: { rotateDeg: 0, contrast: 1, noise: 0, seed: 1 },
  noisy: { rotateDeg: 0, contrast: 1, noise: 0.06, seed: 7 },
  rotated: { rotateDeg: 3, contrast: 1, noise: 0, seed: 1 },
  lowContrast: { rotateDeg: -2, contrast: 0.3, noise: 0.02, seed: 11 },
};

const WIDTH = 1000;
const HEIGHT = 640;

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function syntheticCardHtml(card: SyntheticCard, d: Degradation): string {
  const [y, m, day] = card.birthDate.split('-').map(Number) as [number, number, number];
  const field = (label: string, top: number, value: string, left = 60, valueLeft = 180) =>
    `<div class="l" style="left:${left}px;top:${top + 4}px">${label}</div><div class="v" style="left:${valueLeft}px;top:${top}px">${escape(value)}</div>`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:0;background:#fff}
.wrap{width:${WIDTH}px;height:${HEIGHT}px;display:flex;align-items:center;justify-content:center;background:#d8d8d8;overflow:hidden}
.card{position:relative;width:856px;height:540px;border-radius:30px;background:linear-gradient(135deg,#eef4f7,#dde8ee);font-family:'Noto Sans CJK SC';color:#111;transform:rotate(${d.rotateDeg}deg);filter:contrast(${d.contrast})}
.l{position:absolute;color:#2a6ca5;font-size:26px;letter-spacing:12px}
.v{position:absolute;font-size:30px}
.addr{width:400px;line-height:44px}
.id{position:absolute;left:300px;top:440px;font-size:38px;letter-spacing:4px;font-family:'DejaVu Sans Mono'}
.photo{position:absolute;right:50px;top:60px;width:220px;height:270px;background:#c9d3da}
canvas{position:absolute;left:0;top:0}
</style></head><body><div class="wrap"><div class="card">
${field('姓名', 56, card.name)}
${field('性别', 116, card.sex)}${field('民族', 116, card.nation, 260, 370)}
${field('出生', 176, `${y} 年 ${m} 月 ${day} 日`)}
<div class="l" style="left:60px;top:240px">住址</div><div class="v addr" style="left:180px;top:236px">${escape(card.address)}</div>
<div class="l" style="left:60px;top:446px;letter-spacing:0">公民身份号码</div><div class="id">${escape(card.idNumber)}</div>
<div class="photo"></div>
</div></div><canvas id="noise" width="${WIDTH}" height="${HEIGHT}"></canvas>
<script>(() => {
  const ctx = document.getElementById('noise').getContext('2d');
  let s = ${d.seed};
  const rnd = () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
  const share = ${d.noise};
  if (share <= 0) return;
  const img = ctx.createImageData(${WIDTH}, ${HEIGHT});
  for (let i = 0; i < img.data.length; i += 4) {
    if (rnd() < share) { const g = rnd() < 0.5 ? 0 : 255; img.data[i] = img.data[i + 1] = img.data[i + 2] = g; img.data[i + 3] = 255; }
  }
  ctx.putImageData(img, 0, 0);
})();</script></body></html>`;
}

/** PNG of the card as a phone or document camera would frame it. */
export async function renderSyntheticCard(
  browser: Browser,
  card: SyntheticCard,
  degradation: Degradation,
): Promise<Uint8Array> {
  const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
  try {
    await page.setContent(syntheticCardHtml(card, degradation));
    await page.evaluate('document.fonts.ready.then(() => true)');
    return new Uint8Array(await page.screenshot({ type: 'png' }));
  } finally {
    await page.close();
  }
}
