/** Words of the sign-in page. */
import type { Words } from './words.js';

export const signInWords = {
  'signin.title': { 'zh-CN': '登录控制台', en: 'Sign in to the console' },
  'signin.intro': { 'zh-CN': '请输入营业厅播放器的控制台密码。', en: 'Enter the hall player’s console password.' },
  'signin.password': { 'zh-CN': '密码', en: 'Password' },
  'signin.submit': { 'zh-CN': '登录', en: 'Sign in' },
  'signin.busy': { 'zh-CN': '登录中…', en: 'Signing in…' },
  'signin.wrong': { 'zh-CN': '密码错误', en: 'Wrong password' },
  'signin.tooMany': { 'zh-CN': '尝试次数过多，请在 {seconds} 秒后重试', en: 'Too many attempts: try again in {seconds} s' },
  'signin.expired': { 'zh-CN': '登录已过期，请重新登录', en: 'Session expired: sign in again' },
  'signin.noPassword': { 'zh-CN': '控制台尚未设置密码。请在播放器电脑上运行以下命令设置：', en: 'The console has no password yet. On the player’s computer, run:' },
  'signin.noPasswordAfter': { 'zh-CN': '设置后刷新本页。', en: 'then reload this page.' },
  'signin.failed': { 'zh-CN': '无法登录（{status}）：{error}', en: 'Could not sign in ({status}): {error}' },
  'signin.unreachable': { 'zh-CN': '无法连接播放器：{error}', en: 'Cannot reach the player: {error}' },
} satisfies Record<string, Words>;
