/**
 * What a hall gets when its files say nothing, shared by the host, the display and the console.
 */

/** The idle slide: shown when nothing is scheduled or nothing can play (assets/…, optional). */
export const IDLE_IMAGE = 'images/idle-branding.jpg';

/** The hall's time zone when nothing is loaded yet (the validator asks every schedule to name one). */
export const HALL_TIME_ZONE = 'Asia/Shanghai';

/** Behind every zone and slide that names no colour of its own: the operator's dark blue. */
export const HALL_BACKGROUND = '#0b1f3a';

/** A care rule's slide with no colour of its own: the operator's brand blue. */
export const CARE_SLIDE_BACKGROUND = '#0b5cab';

/** How far a display's nearest readers stand when displays.json does not say, metres. */
export const VIEWING_DISTANCE_METRES = 5;
