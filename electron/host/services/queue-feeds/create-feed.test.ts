import { describe, expect, it } from 'vitest';
import { createPullFeed } from './create-feed.js';
import type { FeedConfig } from '../../../contract/feed-config.js';
import { recordingSink } from './feed-test-kit.test-support.js';
import { feedLabel } from './feed-label.js';

describe('createPullFeed', () => {
  const { sink } = recordingSink();

  it('refuses the feeds the player runs itself', () => {
    expect(() => createPullFeed({ kind: 'push' }, sink)).toThrow('queue feed "push" is not a pull feed: the player runs it itself, not createPullFeed');
    expect(() => createPullFeed({ kind: 'mqtt' } as unknown as FeedConfig, sink)).toThrow(
      'queue feed kind "mqtt" is unknown: use "poll", "sse" or "websocket" (or "simulator", "push")',
    );
  });

  it('lists every problem of a config at once', () => {
    const config = {
      kind: 'websocket',
      url: 'http://10.0.0.5/ws',
      snapshotUrl: 'queue/state',
      timeoutSeconds: 0,
      mapping: { type: 'cmd', timeFormat: 'local' },
    } as FeedConfig;
    expect(() => createPullFeed(config, sink)).toThrow(
      'queue feed "websocket": url must be a ws or wss URL, got "http://10.0.0.5/ws"; ' +
        'snapshotUrl must be a full http or https URL, got "queue/state"; ' +
        'timeoutSeconds must be a number of seconds above 0, got 0; ' +
        'mapping.timeFormat "local" needs mapping.timezone, the offset of those local times ("+08:00" in China)',
    );
    expect(() => createPullFeed({ kind: 'poll', url: 'http://10.0.0.5/q', mode: 'snapshot', snapshotUrl: 'http://10.0.0.5/s' }, sink)).toThrow(
      'queue feed "poll": mode "snapshot" reads the state from url itself: remove snapshotUrl',
    );
  });

  it('creates a feed without starting it', async () => {
    const feed = createPullFeed({ kind: 'sse', url: 'http://127.0.0.1:9/events' }, sink);
    await feed.stop();
  });
});

describe('feedLabel', () => {
  it('keeps tokens and passwords out of logs', () => {
    expect(feedLabel('poll', 'http://admin:secret@10.0.0.5:8080/api/queue?token=abc')).toBe('poll http://10.0.0.5:8080/api/queue?…');
  });
});
