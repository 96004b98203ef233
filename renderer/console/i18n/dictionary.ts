/**
 * Every word the console shows, in zh-CN and English. Split by page; the test checks that every
 * entry has both languages and the same placeholders in each.
 */
import { announceWords } from './words-announce.js';
import { displayWords } from './words-displays.js';
import { commonWords } from './words-common.js';
import { emergencyWords } from './words-emergency.js';
import { historyWords } from './words-history.js';
import { mediaWords } from './words-media.js';
import { paWords } from './words-pa.js';
import { programmeWords } from './words-programmes.js';
import { scheduleWords } from './words-schedule.js';
import { signInWords } from './words-signin.js';
import { statusWords } from './words-status.js';

export const dictionary = {
  ...commonWords,
  ...signInWords,
  ...statusWords,
  ...paWords,
  ...programmeWords,
  ...mediaWords,
  ...scheduleWords,
  ...announceWords,
  ...historyWords,
  ...displayWords,
  ...emergencyWords,
};

export type WordKey = keyof typeof dictionary;

/** The sections as written, to find a key defined twice (a later section would silently win). */
export const sections = [commonWords, signInWords, statusWords, paWords, programmeWords, mediaWords, scheduleWords, announceWords, historyWords, displayWords, emergencyWords];
