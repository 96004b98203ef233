/** Two lines, zh-CN first and large, English below: the display's way of titling anything. */
export function bilingualLines(zh: string, en: string, zhClass: string): HTMLElement[] {
  const first = document.createElement('div');
  first.className = zhClass;
  first.textContent = zh;
  const second = document.createElement('div');
  second.className = 'sub';
  second.lang = 'en';
  second.textContent = en;
  return [first, second];
}
