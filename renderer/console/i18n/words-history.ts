/** Words of the history page. */
import type { Words } from './words.js';

export const historyWords = {
  'history.title': { 'zh-CN': '修改历史', en: 'History' },
  'history.intro': { 'zh-CN': '每次通过控制台保存、删除或回滚都会记录在这里，可以一键恢复到修改之前。', en: 'Every save, delete and rollback made in the console, each one undoable.' },
  'history.empty': { 'zh-CN': '还没有修改记录', en: 'No changes yet' },
  'history.action.save': { 'zh-CN': '保存', en: 'save' },
  'history.action.delete': { 'zh-CN': '删除', en: 'delete' },
  'history.action.rollback': { 'zh-CN': '回滚', en: 'rollback' },
  'history.pick': { 'zh-CN': '选择一条记录查看差异', en: 'Pick an entry to see its diff' },
  'history.diff': { 'zh-CN': '差异', en: 'Diff' },
  'history.counts': { 'zh-CN': '+{added} 行 / −{removed} 行', en: '+{added} / −{removed} lines' },
  'history.noDiff': { 'zh-CN': '没有文本差异', en: 'No text difference' },
  'history.rollback': { 'zh-CN': '恢复到此次修改之前', en: 'Roll back to before this change' },
  'history.rollbackConfirm': { 'zh-CN': '把 {file} 恢复到 {when} 这次修改之前的样子？恢复本身也会记录在历史中。', en: 'Put {file} back as it was before the change of {when}? The rollback is recorded too.' },
  'history.rolledBack': { 'zh-CN': '已恢复 {file}，播放器已重新加载', en: 'Rolled back {file}; the player has reloaded' },
  'history.rollbackFailed': { 'zh-CN': '无法恢复（{status}）：{error}', en: 'Could not roll back ({status}): {error}' },
  'history.created': { 'zh-CN': '新建', en: 'new file' },
  'history.removed': { 'zh-CN': '已删除', en: 'deleted' },
} satisfies Record<string, Words>;
