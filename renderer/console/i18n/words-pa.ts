/** Words of the PA queue (status and announcements pages) and of announcement kinds. */
import type { Words } from './words.js';

export const paWords = {
  'pa.current': { 'zh-CN': '正在播报', en: 'Speaking now' },
  'pa.nothing': { 'zh-CN': '当前没有播报', en: 'Nothing is being said' },
  'pa.pending': { 'zh-CN': '等待播报（按播放顺序）', en: 'Waiting (in play order)' },
  'pa.noPending': { 'zh-CN': '没有等待的播报', en: 'None waiting' },
  'pa.recent': { 'zh-CN': '最近结果', en: 'Recent outcomes' },
  'pa.noRecent': { 'zh-CN': '暂无记录', en: 'Nothing yet' },
  'pa.held': { 'zh-CN': '静音时段，暂缓', en: 'held for quiet hours' },
  'pa.merged': { 'zh-CN': '合并 {count} 次', en: 'merged ×{count}' },
  'pa.repeat': { 'zh-CN': '重复 {count} 遍', en: 'repeat ×{count}' },
  'pa.display': { 'zh-CN': '由屏幕 {display} 播放', en: 'on display {display}' },
  'pa.reach.speaks': { 'zh-CN': '全厅可听到广播：由屏幕 {display} 播放', en: 'The hall hears the PA: display {display} speaks' },
  'pa.reach.grace': { 'zh-CN': '暂时没有屏幕能播报（{reason}）：广播先排队，{until} 前仍无屏幕则拒绝；紧急广播现在就会被拒绝', en: 'No display can speak now ({reason}): requests wait until {until}, then are refused; emergencies are refused now' },
  'pa.reach.silent': { 'zh-CN': '全厅听不到广播（{reason}）：所有播报请求都会被拒绝，请检查广播屏幕和音箱', en: 'The hall cannot hear the PA ({reason}): every request is refused; check the speaker display and its sound' },
  'pa.displays': { 'zh-CN': '{count} 个屏幕可播报', en: '{count} display(s) can speak' },
  'pa.kind.emergency': { 'zh-CN': '紧急', en: 'Emergency' },
  'pa.kind.pa': { 'zh-CN': '人工广播', en: 'PA message' },
  'pa.kind.call': { 'zh-CN': '叫号', en: 'Call' },
  'pa.kind.care': { 'zh-CN': '关怀提示', en: 'Care notice' },
  'pa.outcome.played': { 'zh-CN': '已播放', en: 'played' },
  'pa.outcome.failed': { 'zh-CN': '失败', en: 'failed' },
  'pa.outcome.dropped': { 'zh-CN': '已丢弃', en: 'dropped' },
  'pa.outcome.rejected': { 'zh-CN': '被拒绝', en: 'rejected' },
} satisfies Record<string, Words>;
