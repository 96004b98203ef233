/** Words of the emergency takeover panel (announcements page). */
import type { Words } from './words.js';

export const emergencyWords = {
  'emergency.title': { 'zh-CN': '紧急接管', en: 'Emergency takeover' },
  'emergency.intro': {
    'zh-CN': '所有屏幕立即显示紧急通知，广播循环播报，直到解除。',
    en: 'Every screen shows the notice at once and the PA reads it on repeat until you clear it.',
  },
  'emergency.level': { 'zh-CN': '级别', en: 'Level' },
  'emergency.level.notice': { 'zh-CN': '通知（底部滚动条）', en: 'Notice (ticker line)' },
  'emergency.level.alert': { 'zh-CN': '警报（醒目横幅）', en: 'Alert (large banner)' },
  'emergency.level.evacuate': { 'zh-CN': '疏散（全屏）', en: 'Evacuate (full screen)' },
  'emergency.level.template': { 'zh-CN': '按模板', en: 'As the template says' },
  'emergency.template': { 'zh-CN': '预设模板', en: 'Prepared notice' },
  'emergency.freeText': { 'zh-CN': '自定义文字', en: 'Own words' },
  'emergency.raise': { 'zh-CN': '启动紧急接管', en: 'Take over every screen' },
  'emergency.raiseConfirm': { 'zh-CN': '所有屏幕将立即切换为紧急通知并循环广播。确定启动？', en: 'Every screen switches to the emergency notice and the PA reads it on repeat. Take over now?' },
  'emergency.clear': { 'zh-CN': '解除紧急接管', en: 'Clear the emergency' },
  'emergency.clearConfirm': { 'zh-CN': '解除后所有屏幕恢复原节目。确定解除？', en: 'Every screen goes back to its programme. Clear it now?' },
  'emergency.active': { 'zh-CN': '紧急接管中：{level}，{shown} 块屏幕已显示', en: 'Emergency in force: {level}, shown on {shown} screens' },
  'emergency.none': { 'zh-CN': '当前无紧急接管。', en: 'No emergency in force.' },
  'emergency.needWords': { 'zh-CN': '请选择模板或填写文字。', en: 'Choose a prepared notice or write the words.' },
  'emergency.raised': { 'zh-CN': '已启动：{id}', en: 'In force: {id}' },
  'emergency.cleared': { 'zh-CN': '已解除：{id}', en: 'Cleared: {id}' },
  'emergency.refused': { 'zh-CN': '被拒绝（{status}）：{error}', en: 'Refused ({status}): {error}' },
} satisfies Record<string, Words>;
