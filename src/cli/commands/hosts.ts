// `baluchon hosts --near <postcode|town> [--needs files,calendars,contacts] [--json]`: the
// CHATONS hosts near a place, those offering what is needed first, each with why.
import type { FindHostsResult, HostSuggestion, Need } from '../../contract/index.ts';
import { Need as NeedSchema } from '../../contract/index.ts';
import { describeError } from '../../i18n/create-i18n.ts';
import type { Translator } from '../../i18n/create-i18n.ts';
import type { CliCommand } from '../cli-command.ts';
import { exitCode } from '../cli-command.ts';

function parseNeeds(text: string | undefined): { needs: Need[] } | { bad: string } {
  if (text === undefined) return { needs: ['files', 'calendars', 'contacts'] };
  const needs: Need[] = [];
  for (const part of text
    .split(',')
    .map((word) => word.trim().toLowerCase())
    .filter(Boolean)) {
    const parsed = NeedSchema.safeParse(part);
    if (!parsed.success) return { bad: part };
    if (!needs.includes(parsed.data)) needs.push(parsed.data);
  }
  return needs.length === 0 ? { bad: text } : { needs };
}

const tierMark: Readonly<Record<HostSuggestion['tier'], string>> = {
  suitable: 'hosts:cli.suitable',
  partial: 'hosts:cli.partial',
  'to-check': 'hosts:cli.toCheck',
  closed: 'hosts:cli.closed',
};

/**
 * The same list as the screen, in the same order and with the same count (the service's
 * summary): the hosts near the family first, each marked by what is known of its offer, then
 * the farther ones that offer what is needed. Only sentences Baluchon writes from the facts.
 */
function humanList(t: Translator, result: FindHostsResult): string {
  const lines: string[] = [result.summary];
  if (result.place.note !== '') lines.push(result.place.note);
  let group: HostSuggestion['group'] | undefined;
  const heading = (next: HostSuggestion['group']): void => {
    lines.push('');
    lines.push(
      next === 'farther'
        ? t('hosts:cli.farther')
        : t(result.reach.widened ? 'hosts:cli.nearest' : 'hosts:cli.near', {
            km: result.reach.km,
          }),
    );
    lines.push('');
  };
  if (result.reach.near === 0) {
    lines.push('');
    lines.push(t('hosts:cli.nearNone', { km: result.reach.km }));
  }
  result.hosts.forEach((host, index) => {
    if (host.group !== group) {
      group = host.group;
      heading(host.group);
    }
    const country =
      host.country === null
        ? null
        : t(`hosts:countries.${host.country}`, { defaultValue: host.country });
    const where = [host.city, country].filter(Boolean).join(', ');
    const mark = host.group === 'near' ? ` [${t(tierMark[host.tier])}]` : '';
    lines.push(`${index + 1}. ${host.name}${where === '' ? '' : ` (${where})`}${mark}`);
    if (host.website !== null) lines.push(`   ${host.website}`);
    for (const sentence of host.why) lines.push(`   · ${sentence}`);
    lines.push('');
  });
  if (group === undefined) lines.push('');
  lines.push(
    t('hosts:cli.directory', {
      source: t(
        result.directory.source === 'snapshot'
          ? 'hosts:cli.sourceSnapshot'
          : 'hosts:cli.sourceRefreshed',
      ),
      date: new Date(`${result.directory.checked}T12:00:00Z`),
      formatParams: { date: { dateStyle: 'long', timeZone: 'UTC' } },
    }),
  );
  lines.push(t('hosts:cli.attribution', { attribution: result.directory.attribution }));
  return `${lines.join('\n')}\n`;
}

export const hostsCommand: CliCommand = {
  name: 'hosts',
  options: {
    near: { type: 'string' },
    needs: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: false,
  async run(ctx, args) {
    const near = args.values['near'];
    if (typeof near !== 'string' || near.trim() === '') {
      ctx.stderr.write(`${describeError(ctx.t, 'hosts.place-empty', undefined)}\n`);
      return exitCode.usage;
    }
    const needsOption = args.values['needs'];
    const needs = parseNeeds(typeof needsOption === 'string' ? needsOption : undefined);
    if ('bad' in needs) {
      ctx.stderr.write(`${ctx.t('hosts:cli.badNeed', { value: needs.bad })}\n`);
      return exitCode.usage;
    }
    const result = await ctx.service.call('findHosts', { near, needs: needs.needs });
    if (!result.ok) {
      ctx.stderr.write(`${result.error.message}\n`);
      return exitCode.failed;
    }
    const found = result.value as FindHostsResult;
    if (args.values['json'] === true) {
      const output = {
        place: {
          name: found.place.name,
          country: found.place.country,
          lat: found.place.lat,
          lon: found.place.lon,
          label: found.place.label,
          precision: found.place.precision,
          note: found.place.note,
        },
        hosts: found.hosts.map((host) => ({
          name: host.name,
          website: host.website,
          city: host.city,
          country: host.country,
          distanceKm: host.distanceKm,
          group: host.group,
          offers: host.offers,
          registration: host.registration,
          tier: host.tier,
          why: host.why,
          checked: host.checked,
        })),
        reach: found.reach,
        summary: found.summary,
        directory: found.directory,
      };
      ctx.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    } else {
      ctx.stdout.write(humanList(ctx.t, found));
    }
    return exitCode.ok;
  },
};
