/**
 * The displays whose pictures this player can take (GET /admin/api/screens): the console's
 * status page shows a thumbnail of each, from GET /admin/api/displays/ID/screenshot.
 */
export interface ScreenView {
  id: string;
  /** null while a shell captures it; when it left otherwise. */
  leftAt: number | null;
}

export interface ScreensView {
  displays: ScreenView[];
}

/** The answer header with the instant (epoch ms) a picture was taken. */
export const TAKEN_AT_HEADER = 'X-Hallcast-Taken-At';
