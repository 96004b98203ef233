/**
 * What a hall gets when its files say nothing, shared by the host, the display and the console.
 */

/** The idle slide: shown when nothing is scheduled or nothing can play (assets/…, optional). */
export const IDLE_IMAGE = 'images/idle-branding.jpg';
