/** One dictionary entry: the same words in both of the console's languages. */
export interface Words {
  'zh-CN': string;
  en: string;
}
