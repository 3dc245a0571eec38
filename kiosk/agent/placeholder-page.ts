/**
 * The Mongolian here is a draft (developer translation, not yet reviewed).
 * Served until the kiosk renderer is built (kiosk/dist/renderer): says so in both languages and
 * shows that the bridge works by connecting to the agent and showing the reader's status.
 */
import { AGENT_PATH, AGENT_SUBPROTOCOL, TOKEN_PROTOCOL_PREFIX } from '@pls/shared/protocol';

export function placeholderPage(token: string): string {
  return `<!doctype html><html lang="zh-Hans-CN"><head><meta charset="utf-8">
<title>公共法律服务终端 · ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠦᠢᠯᠡᠴᠢᠯᠭᠡᠨ ᠦ ᠲᠡᠷᠮᠢᠨᠠᠯ</title>
<style>body{font:24px/1.5 'Noto Sans CJK SC',sans-serif;margin:48px;display:flex;gap:48px}
.mn{writing-mode:vertical-lr;font-family:'Noto Sans Mongolian','Noto Sans CJK SC';font-size:30px;height:420px}
code{font-size:20px}</style></head><body>
<div class="mn" lang="mn-Mong">ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠦᠢᠯᠡᠴᠢᠯᠭᠡᠨ ᠦ ᠲᠡᠷᠮᠢᠨᠠᠯ · ᠲᠡᠷᠮᠢᠨᠠᠯ ᠤᠨ ᠨᠢᠭᠤᠷ ᠪᠡᠯᠡᠨ ᠪᠣᠯᠤᠭ\u180Eᠠ ᠦᠭᠡᠢ</div>
<div><h1>公共法律服务终端</h1>
<p>设备服务已启动，但终端界面尚未构建（kiosk/dist/renderer 不存在）。</p>
<p>读卡器状态：<code id="status">连接中…</code></p></div>
<script>(() => {
  const ws = new WebSocket('ws://' + location.host + '${AGENT_PATH}', ['${AGENT_SUBPROTOCOL}', '${TOKEN_PROTOCOL_PREFIX}${token}']);
  const show = (s) => { document.getElementById('status').textContent = JSON.stringify(s); };
  ws.onopen = () => ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'reader.getStatus', params: {} }));
  ws.onmessage = (m) => { const d = JSON.parse(m.data); if (d.id === 1) show(d.result); else if (d.method === 'event' && d.params.event.type === 'statusChanged') show(d.params.event.status); };
  ws.onclose = () => show('agent stopped');
})();</script></body></html>`;
}
