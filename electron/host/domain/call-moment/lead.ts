/**
 * How far ahead of now the host sets a call's moment (QueueBoardCall.flashAt). It must cover the
 * board's trip to the slowest display and that display's next frame: a LAN hop is a few ms, but a
 * kiosk PC's main thread is often busy for longer — a SwiftShader render of the full stage costs
 * tens of ms, the first CJK layout ~100 ms. A call later than its moment still flashes (at once,
 * counted late); a longer lead only delays every call for everyone, and 150 ms is not noticed
 * beside the PA's chime. `npm run bench -- call-moment` counts the late ones.
 */
export const CALL_MOMENT_LEAD_MS = 150;
