// How each of the engine's reasons reads at a glance: good news, something to watch, or a
// reason not to choose. The words say it; the colour only repeats it.
import type { HostSuggestion } from '../../../src/contract/index.ts';

export type Tone = 'good' | 'neutral' | 'warn' | 'bad';
type Reason = HostSuggestion['reasons'][number];

export function reasonTone(reason: Reason): Tone {
  switch (reason.code) {
    case 'offers':
      return 'good';
    case 'registration':
      return reason.registration === 'closed'
        ? 'bad'
        : reason.registration === 'unknown'
          ? 'warn'
          : 'good';
    case 'organisations-only':
      return 'bad';
    case 'missing':
    case 'offer-unknown':
    case 'distance-unknown':
      return 'warn';
    case 'distance':
    case 'price':
    case 'free-plan':
      return 'neutral';
  }
}

/**
 * The engine's sentences paired with the facts they say: `why` holds one sentence per reason,
 * in the same order, then the date the facts were checked (src/contract/hosts.ts), which the
 * screen writes itself with the age.
 */
export function reasonLines(host: HostSuggestion): { text: string; tone: Tone }[] {
  return host.reasons.map((reason, index) => ({
    text: host.why[index] ?? '',
    tone: reasonTone(reason),
  }));
}
